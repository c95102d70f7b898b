using System;
using System.Globalization;
using System.Net;
using Rivya.Sdk.Http;

namespace Rivya.Sdk;

/// <summary>Chooses the exception type by the body's <c>error.code</c> first and the HTTP status second.</summary>
internal static class RivyaApiExceptionFactory
{
    /// <param name="error">The answer.</param>
    /// <param name="idempotencyKey">The key the call sent, if any.</param>
    /// <param name="secret">The API key: masked wherever the server's text (reason phrase, body, parser message) may have echoed it.</param>
    public static RivyaApiException Create(ServerError error, string? idempotencyKey, string? secret = null)
    {
        var message = SecretScrubber.Clean(error.IsUnreadableSuccess ? UnreadableMessage(error, idempotencyKey) : BuildMessage(error), secret)!;
        var status = error.StatusCode;
        var code = error.ErrorCode;
        var requestId = error.RequestId;
        var retryAfter = error.RetryAfter;

        return Classify(code, (int)status) switch
        {
            Kind.Authentication => new RivyaAuthenticationException(message, status, code, requestId, idempotencyKey, retryAfter),
            Kind.PermissionDenied => new RivyaPermissionDeniedException(message, status, code, requestId, idempotencyKey, retryAfter),
            Kind.NotFound => new RivyaNotFoundException(message, status, code, requestId, idempotencyKey, retryAfter),
            Kind.IdempotencyConflict => new RivyaIdempotencyConflictException(message, status, code, requestId, idempotencyKey, retryAfter),
            Kind.InsufficientCredits => new RivyaInsufficientCreditsException(message, status, code, requestId, idempotencyKey, retryAfter),
            Kind.RateLimit => new RivyaRateLimitException(message, status, code, requestId, idempotencyKey, retryAfter),
            Kind.ServiceUnavailable => new RivyaServiceUnavailableException(message, status, code, requestId, idempotencyKey, retryAfter),
            Kind.Server => new RivyaServerException(message, status, code, requestId, idempotencyKey, retryAfter),
            _ => new RivyaApiException(message, status, code, requestId, idempotencyKey, retryAfter),
        };
    }

    private enum Kind
    {
        Other,
        Authentication,
        PermissionDenied,
        NotFound,
        IdempotencyConflict,
        InsufficientCredits,
        RateLimit,
        ServiceUnavailable,
        Server,
    }

    private static Kind Classify(string? code, int status)
    {
        switch (code)
        {
            case "api_key_missing" or "api_key_invalid" or "api_key_revoked" or "api_key_expired":
                return Kind.Authentication;
            case "api_scope_denied":
                return Kind.PermissionDenied;
            case "not_found":
                return Kind.NotFound;
            case "idempotency_conflict":
                return Kind.IdempotencyConflict;
            case "insufficient_credits":
                return Kind.InsufficientCredits;
            case "rate_limited":
                return Kind.RateLimit;
            case "public_api_disabled":
                return Kind.ServiceUnavailable;
            case "validation_failed" or "webhook_url_rejected":
                return Kind.Other;
        }

        return status switch
        {
            401 => Kind.Authentication,
            402 => Kind.InsufficientCredits,
            403 => Kind.PermissionDenied,
            404 => Kind.NotFound,
            409 => Kind.IdempotencyConflict,
            429 => Kind.RateLimit,
            503 => Kind.ServiceUnavailable,
            >= 500 and <= 599 => Kind.Server,
            _ => Kind.Other,
        };
    }

    private static string UnreadableMessage(ServerError error, string? idempotencyKey)
    {
        var text = $"Rivya answered {Status(error)}, but its body could not be read ({error.BodyExcerpt}), and asking again did not help.";
        return idempotencyKey is null
            ? text + " The server may have done the work."
            : text + $" The server may have done the work: repeat the call with Idempotency-Key '{idempotencyKey}' to reach it without a second charge, or, once you know the task id, resume with WaitForCompletionAsync(id).";
    }

    private static string Status(ServerError error) =>
        ((int)error.StatusCode).ToString(CultureInfo.InvariantCulture)
            + (string.IsNullOrEmpty(error.ReasonPhrase) ? string.Empty : " " + error.ReasonPhrase);

    private static string BuildMessage(ServerError error)
    {
        var status = Status(error);
        var text = error.RedirectTarget is { } target
            ? $"Rivya answered {status}, a redirect to {target}. The SDK does not follow redirects, so nothing was sent there; check RivyaClientOptions.BaseAddress."
            : error.ErrorCode is not null || error.Message is not null
            ? $"Rivya answered {status}: {error.ErrorCode ?? "error"}: {error.Message ?? "(no message)"}"
            : error.BodyExcerpt is null
                ? $"Rivya answered {status} with an empty body."
                : $"Rivya answered {status} with a body that is not Rivya's JSON error ({error.ContentType ?? "no content type"}): {error.BodyExcerpt}";
        if (error.RequestId is not null)
        {
            text += $" (request id {error.RequestId})";
        }

        if (error.RetryAfter is { } retryAfter)
        {
            text += FormattableString.Invariant($" Retry after {retryAfter.TotalSeconds:0.###} s.");
        }

        return text;
    }
}
