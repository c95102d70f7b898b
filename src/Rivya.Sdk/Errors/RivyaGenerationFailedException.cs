using System;

namespace Rivya.Sdk;

/// <summary>The waited-for generation ended <c>failed</c>. <see cref="Generation"/> carries the task and its error.</summary>
public sealed class RivyaGenerationFailedException : RivyaException
{
    /// <summary>Creates the exception.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="generation"/> is null.</exception>
    public RivyaGenerationFailedException(Generation generation)
        : this(generation, secret: null)
    {
    }

    /// <summary>Creates the exception, masking <paramref name="secret"/> (the API key) wherever the server's error text echoed it.</summary>
    internal RivyaGenerationFailedException(Generation generation, string? secret)
        : base(BuildMessage(generation ?? throw new ArgumentNullException(nameof(generation)), secret), generation.Id, idempotencyKey: null)
    {
        Generation = generation;
    }

    /// <summary>The failed task, with <see cref="Sdk.Generation.Error"/> when the server said why.</summary>
    public Generation Generation { get; }

    // Every part came from the server: scrubbed and control characters escaped, so it cannot forge a log line.
    private static string BuildMessage(Generation generation, string? secret) =>
        Common.SecretScrubber.Clean(
            $"Generation {generation.Id} failed"
            + (generation.Error is { } error ? $": {error.Code ?? "unknown_error"}: {error.Message}" : "."),
            secret)!;
}
