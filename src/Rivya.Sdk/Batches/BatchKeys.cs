using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rivya.Sdk.Serialization;

namespace Rivya.Sdk.Batches;

/// <summary>
/// The stable <c>Idempotency-Key</c> of a batch item: the caller's selector, else the request's
/// <c>ClientRequestId</c>, else <c>batch-</c> + a hash of the run id (<c>BatchOptions.RunId</c>) and the request's JSON
/// + <c>-</c> + its index. The same item of the same run gets the same key on every run, which is what lets a re-run
/// reach the tasks already paid for.
/// </summary>
internal static class BatchKeys
{
    /// <exception cref="InvalidOperationException">The selector answered a null or blank key.</exception>
    public static string For(GenerationRequest request, int index, Func<GenerationRequest, int, string>? selector, string? runId)
    {
        if (selector is not null)
        {
            var chosen = selector(request, index);
            return string.IsNullOrWhiteSpace(chosen)
                ? throw new InvalidOperationException($"BatchOptions.IdempotencyKeySelector answered a blank key for item {index}.")
                : chosen;
        }

        if (!string.IsNullOrWhiteSpace(request.ClientRequestId))
        {
            return request.ClientRequestId!;
        }

        return Derived(JsonSerializer.SerializeToUtf8Bytes(request, RivyaJsonContext.Default.GenerationRequest), index, runId);
    }

    private static string Derived(byte[] json, int index, string? runId)
    {
        // The run id comes first, then a NUL, which JSON never holds raw: no run id and body can pass for another pair.
        // Without a run id the bytes hashed are the JSON alone, so keys derived before RunId existed still resume.
        var body = runId is null ? json : [.. Encoding.UTF8.GetBytes(runId), 0, .. json];
#if NET8_0_OR_GREATER
        var hash = SHA256.HashData(body);
#else
        byte[] hash;
        using (var sha = SHA256.Create())
        {
            hash = sha.ComputeHash(body);
        }
#endif

        // 16 bytes of SHA-256: collisions between different requests are out of reach; the index keeps two identical
        // requests of one batch two tasks (asked twice, made twice).
        var key = new StringBuilder("batch-", 48);
        for (var i = 0; i < 16; i++)
        {
            key.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return key.Append('-').Append(index.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToString();
    }
}
