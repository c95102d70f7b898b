using System;
using System.Collections.Generic;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>The output of a succeeded generation.</summary>
public sealed record GenerationResult
{
    private readonly IReadOnlyList<string> _urls = Array.Empty<string>();

    /// <summary>The main output URL (the first of <see cref="Urls"/>).</summary>
    public string? PrimaryUrl { get; init; }

    /// <summary>Every output URL; empty when the server sent none.</summary>
    public IReadOnlyList<string> Urls
    {
        get => _urls;

        // Never null, even when a caller's initializer says so.
        init => _urls = value ?? Array.Empty<string>();
    }

    /// <summary>Every member, as a record prints them, with control characters (a CR, LF or ESC from the server) escaped.</summary>
    public override string ToString() => RecordText.Of(nameof(GenerationResult), PrintMembers);
}
