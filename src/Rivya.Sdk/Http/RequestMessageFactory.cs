using System;
using System.Net.Http;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Http;

/// <summary>Step 1 of a call: the <see cref="HttpRequestMessage"/> of one attempt, with auth and the SDK's headers.</summary>
/// <remarks>A fresh message per attempt: <see cref="HttpClient"/> refuses to send one message twice.</remarks>
internal sealed class RequestMessageFactory(string? apiKey, string userAgent)
{
    private readonly string? _authorization = apiKey is null ? null : "Bearer " + apiKey;

    /// <summary>The header check of one call, run before anything is sent: its <c>Idempotency-Key</c> and the caller's extra headers.</summary>
    /// <exception cref="ArgumentException">A value cannot be sent; nothing was.</exception>
    public static void CheckHeaders(RivyaRequest request)
    {
        if (request.IdempotencyKey is { } key)
        {
            HeaderValues.Check("RequestOptions.IdempotencyKey", key, "options");
            if (key.Trim().Length != key.Length)
            {
                // HTTP drops a value's outer whitespace: the server would store another key than the one reported.
#pragma warning disable CA2208 // The caller's parameter is the RequestOptions it passed, not this method's request.
                throw new ArgumentException("RequestOptions.IdempotencyKey starts or ends with whitespace, which HTTP drops: the server would see a different key than the one an exception reports. Nothing was sent.", "options");
#pragma warning restore CA2208
            }
        }

        if (request.Options?.Headers is { } headers)
        {
            foreach (var header in headers)
            {
                HeaderValues.CheckExtra(header.Key, header.Value, "options");
            }
        }
    }

    /// <remarks>The request's header values were checked by <see cref="CheckHeaders"/> before this runs.</remarks>
    public HttpRequestMessage Create(RivyaRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Uri);
#if NET8_0_OR_GREATER
        // HTTP/2 when the server offers it over TLS; HTTP/1.1 otherwise (plain http never tries h2c).
        message.Version = System.Net.HttpVersion.Version20;
        message.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
#endif
        var headers = message.Headers;
        if (request.RequiresKey)
        {
            headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        headers.TryAddWithoutValidation("User-Agent", userAgent);
        headers.TryAddWithoutValidation("Accept", "application/json");
        if (request.IdempotencyKey is not null)
        {
            headers.TryAddWithoutValidation("Idempotency-Key", request.IdempotencyKey);
        }

        if (request.Options?.Headers is { } extra)
        {
            foreach (var header in extra)
            {
                headers.Remove(header.Key);
                headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        message.Content = request.JsonBody is { } json ? Json(json) : request.ContentFactory?.Invoke();
        return message;
    }

    /// <summary>The JSON body, serialized once per call and sent byte for byte on every attempt, so a retried create
    /// carries the very body its idempotency key was first used with.</summary>
    public static HttpContent Json(byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return content;
    }
}
