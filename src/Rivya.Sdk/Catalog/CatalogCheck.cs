using System.Collections.Generic;
using System.Linq;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>
/// The answer of <c>client.Models.CheckCatalogAsync</c>: how the SDK's built-in rules (<see cref="ModelCatalog"/>)
/// differ from the live <c>GET /api/v1/models</c>, and which live models the SDK has no rules for.
/// </summary>
public sealed record CatalogCheck
{
    internal CatalogCheck(IReadOnlyList<CatalogDrift> changes, IReadOnlyList<RivyaModel> modelsNotInSdk)
    {
        Changes = changes;
        ModelsNotInSdk = modelsNotInSdk;
    }

    /// <summary>Every difference found, by model then kind; empty when the built-in rules match.</summary>
    public IReadOnlyList<CatalogDrift> Changes { get; }

    /// <summary>Models the server lists and the SDK has no typed record for: usable through <see cref="RawModelParams"/>.</summary>
    public IReadOnlyList<RivyaModel> ModelsNotInSdk { get; }

    /// <summary>True when a built-in model's rules differ from the server's.</summary>
    public bool HasDrift => Changes.Count > 0;

    /// <summary>A one-line summary: each change, then the models the SDK lacks (the server's ids with control characters escaped).</summary>
    public override string ToString() => SecretScrubber.EscapeControls(
        (HasDrift ? string.Join("; ", Changes) : "no drift")
        + (ModelsNotInSdk.Count > 0 ? "; not in the SDK: " + string.Join(", ", ModelsNotInSdk.Select(m => m.Id)) : string.Empty))!;
}
