using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;
using Rivya.Sdk.Errors;
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

    /// <summary>Longest server message kept; Rivya's are one sentence, anything longer is not worth an exception message.</summary>
    private const int MaxMessageChars = 500;

    /// <summary>Longest code or request id kept; real ones are short identifiers.</summary>
    private const int MaxIdChars = 200;

    public static async Task<ServerError> ReadAsync(HttpResponseMessage response, TimeProvider clock, string? secret, CancellationToken cancellationToken)
    {
        var body = await ReadLimitedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var answer = new ServerError(
            response.StatusCode,
            SecretScrubber.Clean(response.ReasonPhrase, secret),
            ErrorCode: null,
            Message: null,
            RequestId: null,
            AttemptFacts.ReadRetryAfter(response.Headers, clock),
            BodyExcerpt: null,
            response.Content?.Headers.ContentType?.MediaType,
            RedirectRule.Target(response, secret));
        if (TryParse(body)?.Error is not { } error || (error.Code is null && error.Message is null))
        {
            return answer with { BodyExcerpt = Excerpt(body, secret) };
        }

        // Every field came from the server, so each is scrubbed (an echo of the request can put the key anywhere)
        // and only then shortened, so a cut never leaves half a key behind.
        return answer with
        {
            ErrorCode = Shorten(SecretScrubber.Clean(error.Code, secret), MaxIdChars),
            Message = Shorten(SecretScrubber.Clean(error.Message, secret), MaxMessageChars),
            RequestId = Shorten(SecretScrubber.Clean(error.RequestId, secret), MaxIdChars),
        };
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

        // The whole (limited) body is scrubbed before it is folded and cut: the key may sit anywhere in it, even
        // after pages of whitespace that folding removes.
        var text = SecretScrubber.Scrub(Encoding.UTF8.GetString(body.Array!, body.Offset, body.Count), secret, wasCut: body.Count >= MaxBodyBytes)!;
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

        return folded.ToString().TrimEnd();
    }

    private static string? Shorten(string? text, int maxChars) =>
        text is null || text.Length <= maxChars ? text : text.Remove(maxChars) + "…";
}
