using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;

namespace Rivya.Sdk.Http;

/// <summary>
/// The cap on a JSON answer's body (<see cref="RivyaClientOptions.MaxResponseBodySize"/>), counted after
/// decompression. Passing it ends the attempt at once with a <see cref="RivyaApiException"/> that keeps the status;
/// it is not retried (the same server would send the same body again).
/// </summary>
internal static class ResponseBodyLimit
{
    /// <summary>
    /// <paramref name="body"/>, the stream of <paramref name="response"/>'s content, limited to <paramref name="limit"/>
    /// bytes. A declared <c>Content-Length</c> within the limit needs no counting (the handler never reads past it;
    /// a decompressed body has none), so the usual answer costs nothing; one past the limit fails before any read.
    /// </summary>
    /// <exception cref="RivyaApiException">The declared length is over the limit.</exception>
    public static Stream Wrap(Stream body, HttpResponseMessage response, long limit, string? idempotencyKey)
    {
        if (response.Content?.Headers.ContentLength is { } declared)
        {
            if (declared <= limit)
            {
                return body;
            }

            body.Dispose();
            throw TooLarge(response.StatusCode, limit, idempotencyKey);
        }

        return new CappedStream(body, limit, response.StatusCode, idempotencyKey);
    }

    public static RivyaApiException TooLarge(HttpStatusCode status, long limit, string? idempotencyKey)
    {
        var message = string.Format(
            CultureInfo.InvariantCulture,
            "Rivya answered {0} with a body larger than RivyaClientOptions.MaxResponseBodySize ({1:N0} bytes after decompression); the SDK stopped reading it and did not retry.",
            (int)status,
            limit);
        if (idempotencyKey is not null && (int)status is >= 200 and <= 299)
        {
            message += $" The server may have done the work: repeat the call with Idempotency-Key '{idempotencyKey}' to reach it without a second charge.";
        }

        return new RivyaApiException(message, status, idempotencyKey: idempotencyKey);
    }
}
