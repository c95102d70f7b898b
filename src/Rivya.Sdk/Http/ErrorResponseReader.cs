using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Serialization;

namespace Rivya.Sdk.Http;

/// <summary>
/// Reads an error answer with a size limit, so a proxy's huge HTML page or an endless body cannot exhaust memory,
/// and turns whatever arrived (Rivya's JSON error, HTML, truncated or empty) into a <see cref="ServerError"/>.
/// </summary>
internal static class ErrorResponseReader
{
    /// <summary>Rivya's error bodies are tiny; anything past this is not worth reading.</summary>
    internal const int MaxBodyBytes = 64 * 1024;

    private const int MaxExcerptChars = 200;

    public static async Task<ServerError> ReadAsync(HttpResponseMessage response, TimeProvider clock, string? secret, CancellationToken cancellationToken)
    {
        var body = await ReadLimitedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var retryAfter = RetryAfterParser.Parse(response.Headers, clock);
        var contentType = response.Content?.Headers.ContentType?.MediaType;

        var envelope = TryParse(body);
        if (envelope?.Error is { } error && (error.Code is not null || error.Message is not null))
        {
            return new ServerError(response.StatusCode, response.ReasonPhrase, error.Code, Scrub(error.Message, secret), error.RequestId, retryAfter, null, contentType);
        }

        return new ServerError(response.StatusCode, response.ReasonPhrase, null, null, null, retryAfter, Excerpt(body, secret), contentType);
    }

    private static async Task<ArraySegment<byte>> ReadLimitedAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        using var stream = await content.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[4096];
        var total = 0;
        while (total < MaxBodyBytes)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBodyBytes));
            }

#if NET8_0_OR_GREATER
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
#else
            var read = await stream.ReadAsync(buffer, total, buffer.Length - total, cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return new ArraySegment<byte>(buffer, 0, total);
    }

    private static ErrorEnvelope? TryParse(ArraySegment<byte> body)
    {
        if (body.Count == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body.AsSpan(), RivyaJsonContext.Default.ErrorEnvelope);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Excerpt(ArraySegment<byte> body, string? secret)
    {
        if (body.Count == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(body.Array!, body.Offset, Math.Min(body.Count, MaxExcerptChars * 4));
        var folded = new StringBuilder(MaxExcerptChars + 1);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && (lastWasSpace || folded.Length == 0))
            {
                continue;
            }

            folded.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
            if (folded.Length >= MaxExcerptChars)
            {
                folded.Append('…');
                break;
            }
        }

        return Scrub(folded.ToString().TrimEnd(), secret);
    }

    /// <summary>A server (or a proxy) that echoes the request must not put the key into an exception message.</summary>
    private static string? Scrub(string? text, string? secret) =>
        text is null || string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***");
}
