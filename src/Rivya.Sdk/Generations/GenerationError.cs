namespace Rivya.Sdk;

/// <summary>Why a generation ended <c>failed</c> after it was accepted (not an HTTP error).</summary>
public sealed record GenerationError
{
    /// <summary>A stable code such as <c>generation_failed</c>.</summary>
    public string? Code { get; init; }

    /// <summary>A human-readable explanation.</summary>
    public string? Message { get; init; }
}
