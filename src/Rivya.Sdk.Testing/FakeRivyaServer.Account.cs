using System;

namespace Rivya.Sdk.Testing;

// The account's state a test reads and sets: its credit balance, its uploads, and the model catalogue it is served.
public sealed partial class FakeRivyaServer
{
    /// <summary>The account's current credit balance (what <c>GET /api/v1/credits</c> answers).</summary>
    public decimal Balance => _ledger.Balance;

    /// <summary>How many uploads the server has accepted.</summary>
    public int FileCount => _files.Count;

    /// <summary>
    /// The JSON <c>GET /api/v1/models</c> answers. By default the SDK's own <see cref="ModelCatalog"/> in the
    /// documented shape; set it to a catalogue of your own (a changed price or limit, a retired or a new model) to
    /// test drift checks, or to null to go back to the default. The text is served as is, unchecked.
    /// </summary>
    public string? ModelCatalogJson
    {
        get => _api.Catalog.Json;
        set => _api.Catalog.Json = value!;
    }

    /// <summary>Sets the account's credit balance, e.g. below a model's base credits to get <c>insufficient_credits</c>.</summary>
    /// <param name="credits">The new balance; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="credits"/> is negative.</exception>
    public void SetBalance(decimal credits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(credits);
        _ledger.Set(credits);
    }
}
