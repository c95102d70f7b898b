using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>The account's credit balance, from <c>GET /api/v1/credits</c>.</summary>
public sealed record CreditBalance
{
    /// <summary>The credits available now.</summary>
    public decimal CurrentCredits { get; init; }

    /// <summary>Every member, as a record prints them, with control characters (a CR, LF or ESC from the server) escaped.</summary>
    public override string ToString() => RecordText.Of(nameof(CreditBalance), PrintMembers);
}
