using System;
using System.Net.Http;

namespace Rivya.Sdk.Http;

/// <summary>Step 1 of a call: the <see cref="HttpRequestMessage"/> of one attempt, with auth and the SDK's headers.</summary>
/// <remarks>A fresh message per attempt: <see cref="HttpClient"/> refuses to send one message twice.</remarks>
internal sealed class RequestMessageFactory
{
    private readonly string? _authorization;
    private readonly string _userAgent;

    public RequestMessageFactory(string? apiKey, string userAgent)
    {
        _authorization = apiKey is null ? null : "Bearer " + apiKey;
        _userAgent = userAgent;
    }

    /// <remarks>The request's header values were checked by <see cref="RequestHeaderCheck.Check"/> before this runs.</remarks>
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

        headers.TryAddWithoutValidation("User-Agent", _userAgent);
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

        message.Content = request.JsonBody is { } json ? JsonBody.Create(json) : request.ContentFactory?.Invoke();
        return message;
    }
}
