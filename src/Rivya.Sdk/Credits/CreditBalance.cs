namespace Rivya.Sdk;

/// <summary>The account's credit balance, from <c>GET /api/v1/credits</c>.</summary>
public sealed record CreditBalance
{
    /// <summary>The credits available now.</summary>
    public decimal CurrentCredits { get; init; }
}
