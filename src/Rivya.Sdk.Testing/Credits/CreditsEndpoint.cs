using Rivya.Sdk.Testing.Http;
using Rivya.Sdk.Testing.Json;

namespace Rivya.Sdk.Testing.Credits;

/// <summary><c>GET /api/v1/credits</c>: <c>{ "current_credits": N }</c>.</summary>
internal static class CreditsEndpoint
{
    public static FakeResponse Get(CreditLedger ledger) =>
        FakeResponse.Json(200, JsonWriting.Write(ledger.Balance, static (writer, balance) =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("current_credits", balance);
            writer.WriteEndObject();
        }));
}
