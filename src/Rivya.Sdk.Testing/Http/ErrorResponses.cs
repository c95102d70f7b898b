using Rivya.Sdk.Testing.Json;

namespace Rivya.Sdk.Testing.Http;

/// <summary>Rivya's error answers: <c>{ "error": { "code", "message", "requestId" } }</c> with a fresh <c>req_…</c> id.</summary>
internal static class ErrorResponses
{
    public static FakeResponse Create(int statusCode, string code, string message) =>
        FakeResponse.Json(statusCode, JsonWriting.Write((code, message), static (writer, error) =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", error.code);
            writer.WriteString("message", error.message);
            writer.WriteString("requestId", FakeIds.Request());
            writer.WriteEndObject();
            writer.WriteEndObject();
        }));

    public static FakeResponse ValidationFailed(string message) => Create(400, "validation_failed", message);

    public static FakeResponse NotFound(string message) => Create(404, "not_found", message);

    public static FakeResponse ApiKeyMissing() =>
        Create(401, "api_key_missing", "No API key: send it as 'Authorization: Bearer <key>'.");

    public static FakeResponse ApiKeyInvalid() =>
        Create(401, "api_key_invalid", "The API key cannot be verified.");

    public static FakeResponse InsufficientCredits(decimal needed, decimal balance) =>
        Create(402, "insufficient_credits", string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            "This generation needs {0} credits; the balance is {1}.", needed, balance));

    public static FakeResponse IdempotencyConflict(string key) =>
        Create(409, "idempotency_conflict", $"The Idempotency-Key '{key}' was already used with a different request body.");
}
