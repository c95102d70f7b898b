using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rivya.Sdk.Common;
using Rivya.Sdk.Serialization;

namespace Rivya.Sdk.Batches;

/// <summary>
/// The stable <c>Idempotency-Key</c> of a batch item: the caller's selector, else the request's
/// <c>ClientRequestId</c>, else <see cref="Derive"/> (which mixes in <c>BatchOptions.RunId</c>). The same item of the same
/// run gets the same key on every run, in every process, which is what lets a re-run reach the tasks already paid for.
/// </summary>
internal static class BatchKeys
{
    /// <summary>The item's key. Call only for a request that passed validation: the derived key reads its JSON.</summary>
    /// <exception cref="RivyaValidationException">The selector threw or answered a null or blank key, or no key can be derived; nothing was sent.</exception>
    public static string For(GenerationRequest request, int index, Func<GenerationRequest, int, string>? selector, string? runId)
    {
        if (selector is null)
        {
            return string.IsNullOrWhiteSpace(request.ClientRequestId) ? Derive(request, index, runId) : request.ClientRequestId!;
        }

        string? chosen;
        try
        {
            chosen = selector(request, index);
        }
#pragma warning disable CA1031 // The caller's code: its failure is this item's error, not the batch's end.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            throw Refused(index, $"BatchOptions.IdempotencyKeySelector threw {exception.GetType().Name}: {SecretScrubber.EscapeControls(exception.Message)}");
        }

        return string.IsNullOrWhiteSpace(chosen) ? throw Refused(index, "BatchOptions.IdempotencyKeySelector answered a blank key") : chosen!;
    }

    /// <summary>
    /// <c>batch-</c> + the first 16 bytes of the SHA-256 of the run id and the request's JSON (lower-case hex) + <c>-</c> +
    /// the index. The JSON, not anything process-bound (a hash code, a reference): a re-run in a new process must get the
    /// same key.
    /// </summary>
    /// <exception cref="RivyaValidationException">The serializer refuses the request (a model the SDK does not check, nested too deep).</exception>
    private static string Derive(GenerationRequest request, int index, string? runId)
    {
        byte[] json;
        try
        {
            json = JsonSerializer.SerializeToUtf8Bytes(request, RivyaJsonContext.Default.GenerationRequest);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            throw Refused(index, $"no key can be derived from the request's JSON ({exception.GetType().Name}: {SecretScrubber.EscapeControls(exception.Message)})");
        }

        // The run id comes first, then a NUL, which JSON never holds raw: no run id and body can pass for another pair.
        // Without a run id the bytes hashed are the JSON alone, so keys derived before RunId existed still resume.
        var body = runId is null ? json : [.. Encoding.UTF8.GetBytes(runId), 0, .. json];
#if NET8_0_OR_GREATER
        var hash = SHA256.HashData(body);
#else
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(body);
#endif

        // 16 bytes of SHA-256: collisions between different requests are out of reach; the index keeps two identical
        // requests of one batch two tasks (asked twice, made twice).
        var key = new StringBuilder("batch-", 48);
        for (var i = 0; i < 16; i++)
        {
            key.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return key.Append('-').Append(index.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static RivyaValidationException Refused(int index, string what) =>
        new([new ValidationError("Idempotency-Key", $"{what} for item {index.ToString(CultureInfo.InvariantCulture)}.")]);
}
