using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>Why a generation ended <c>failed</c> after it was accepted (not an HTTP error).</summary>
public sealed record GenerationError
{
    /// <summary>A stable code such as <c>generation_failed</c>.</summary>
    public string? Code { get; init; }

    /// <summary>A human-readable explanation.</summary>
    public string? Message { get; init; }

    /// <summary>Every member, as a record prints them, with control characters (a CR, LF or ESC from the server) escaped.</summary>
    public override string ToString() => RecordText.Of(nameof(GenerationError), PrintMembers);
}
