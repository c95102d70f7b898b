using System;
using System.Collections.Generic;

namespace Rivya.Sdk;

/// <summary>The output of a succeeded generation.</summary>
public sealed record GenerationResult
{
    /// <summary>The main output URL (the first of <see cref="Urls"/>).</summary>
    public string? PrimaryUrl { get; init; }

    /// <summary>Every output URL; empty when the server sent none.</summary>
    public IReadOnlyList<string> Urls { get; init; } = Array.Empty<string>();
}
