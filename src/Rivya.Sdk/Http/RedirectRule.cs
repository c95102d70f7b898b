using System;
using System.Net.Http;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Http;

/// <summary>
/// The SDK never follows a redirect: a create re-sent to another origin would carry its body, its
/// <c>Idempotency-Key</c> and the caller's headers there, and a 301/302/303 would turn it into a GET that "succeeds"
/// with no task made. A 3xx is an error naming the target's origin (never its path, query or user info).
/// </summary>
internal static class RedirectRule
{
    /// <summary>Where a 3xx points, as an origin (<c>https://host:port</c>), scrubbed; null when it is not a redirect.</summary>
    public static string? Target(HttpResponseMessage response, string? secret)
    {
        if ((int)response.StatusCode is < 300 or > 399)
        {
            return null;
        }

        if (response.Headers.Location is not { } location)
        {
            return "(no Location header)";
        }

        if (!location.IsAbsoluteUri)
        {
            return response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } requestUri ? "the same origin (" + Origin(requestUri) + ")" : "the same origin";
        }

        return SecretScrubber.Clean(Origin(location), secret);
    }

    /// <summary>
    /// Throws when the answer came from another origin or for another method than the request: a caller-supplied
    /// <see cref="HttpClient"/> followed a redirect, so the answer is not the API's answer to this call.
    /// </summary>
    /// <exception cref="RivyaApiException">A redirect was followed.</exception>
    public static void ThrowIfFollowed(RivyaRequest request, HttpResponseMessage response, string? secret)
    {
        // The usual case: the handler sent the very Uri the SDK gave it. A redirect handler sets a new one.
        if (response.RequestMessage?.RequestUri is not { } answered || ReferenceEquals(answered, request.Uri))
        {
            return;
        }

        var sameOrigin = answered.IsAbsoluteUri && string.Equals(Origin(answered), Origin(request.Uri), StringComparison.OrdinalIgnoreCase);
        if (sameOrigin && response.RequestMessage.Method == request.Method)
        {
            return;
        }

        var to = answered.IsAbsoluteUri ? SecretScrubber.Clean(Origin(answered), secret) : "a relative address";
        throw new RivyaApiException(
            $"The HttpClient given to RivyaClient followed a redirect: {request.Method.Method} {Origin(request.Uri)} was answered by {response.RequestMessage.Method.Method} {to}. The SDK ignores that answer; give it a handler with AllowAutoRedirect = false.",
            response.StatusCode,
            idempotencyKey: request.IdempotencyKey);
    }

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Scheme) + uri.Authority;
}
