using System;

namespace Rivya.Sdk.Common;

/// <summary>The one process-wide source of jitter (retry backoff, poll sleeps) when no test hook replaces it.</summary>
internal static class SharedRandom
{
#if !NET8_0_OR_GREATER
    private static readonly Random Instance = new();
#endif

    /// <summary>A value in [0, 1); safe to call from any thread.</summary>
    public static double NextDouble()
    {
#if NET8_0_OR_GREATER
        return Random.Shared.NextDouble();
#else
        // System.Random is not thread-safe before Random.Shared existed.
        lock (Instance)
        {
            return Instance.NextDouble();
        }
#endif
    }
}
