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
/// <c>ClientRequestId</c>, else <see cref="Derive"/>. The same item gets the same key on every run, in every process,
/// which is what lets a re-run reach the tasks already paid for.
/// </summary>
internal static class BatchKeys
{
    /// <summary>The item's key. Call only for a request that passed validation: the derived key reads its JSON.</summary>
    /// <exception cref="RivyaValidationException">The selector threw or answered a null or blank key, or no key can be derived; nothing was sent.</exception>
    public static string For(GenerationRequest request, int index, Func<GenerationRequest, int, string>? selector)
    {
        if (selector is null)
        {
            return string.IsNullOrWhiteSpace(request.ClientRequestId) ? DeriveChecked(request, index) : request.ClientRequestId!;
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
            throw SelectorFailed(index, $"threw {exception.GetType().Name}: {SecretScrubber.EscapeControls(exception.Message)}");
        }

        return string.IsNullOrWhiteSpace(chosen) ? throw SelectorFailed(index, "answered a blank key") : chosen!;
    }

    /// <summary>
    /// <c>batch-</c> + the first 16 bytes of the SHA-256 of the request's JSON (lower-case hex) + <c>-</c> + the index.
    /// The JSON, not anything process-bound (a hash code, a reference): a re-run in a new process must get the same key.
    /// </summary>
    public static string Derive(GenerationRequest request, int index)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, RivyaJsonContext.Default.GenerationRequest);
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
            key.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return key.Append('-').Append(index.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary><see cref="Derive"/>, with a request the serializer refuses (a model the SDK does not check, nested too deep) as the item's error.</summary>
    private static string DeriveChecked(GenerationRequest request, int index)
    {
        try
        {
            return Derive(request, index);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            throw new RivyaValidationException([new ValidationError("Idempotency-Key", $"no key can be derived for item {index.ToString(CultureInfo.InvariantCulture)}: the request cannot be written as JSON ({exception.GetType().Name}: {SecretScrubber.EscapeControls(exception.Message)}).")]);
        }
    }

    private static RivyaValidationException SelectorFailed(int index, string what) =>
        new([new ValidationError("Idempotency-Key", $"BatchOptions.IdempotencyKeySelector {what} for item {index.ToString(CultureInfo.InvariantCulture)}.")]);
}
