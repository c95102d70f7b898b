using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>One difference between a model's built-in rules and the live catalogue.</summary>
/// <param name="ModelId">The model, e.g. <c>kling-3-0</c>.</param>
/// <param name="Kind">What differs.</param>
/// <param name="Expected">The SDK's value, as text (for <see cref="CatalogDriftKind.ParameterOptions"/>: the key and its options).</param>
/// <param name="Actual">The server's value, as text; null when the model is missing.</param>
public sealed record CatalogDrift(string ModelId, CatalogDriftKind Kind, string Expected, string? Actual)
{
    /// <summary>A one-line description, e.g. <c>kling-3-0: BaseCredits 90 -> 95</c> (the server's text with control characters escaped).</summary>
    public override string ToString() => SecretScrubber.EscapeControls($"{ModelId}: {Kind} {Expected} -> {Actual ?? "(not listed)"}")!;
}
