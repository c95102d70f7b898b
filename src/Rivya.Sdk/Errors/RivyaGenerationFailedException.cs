using System;

namespace Rivya.Sdk;

/// <summary>The waited-for generation ended <c>failed</c>. <see cref="Generation"/> carries the task and its error.</summary>
public sealed class RivyaGenerationFailedException : RivyaException
{
    /// <summary>Creates the exception.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="generation"/> is null.</exception>
    public RivyaGenerationFailedException(Generation generation)
        : base(BuildMessage(generation ?? throw new ArgumentNullException(nameof(generation))), generation.Id, idempotencyKey: null)
    {
        Generation = generation;
    }

    /// <summary>The failed task, with <see cref="Sdk.Generation.Error"/> when the server said why.</summary>
    public Generation Generation { get; }

    private static string BuildMessage(Generation generation) =>
        $"Generation {generation.Id} failed"
        + (generation.Error is { } error ? $": {error.Code ?? "unknown_error"}: {error.Message}" : ".");
}
