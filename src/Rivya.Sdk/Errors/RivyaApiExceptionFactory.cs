using System;
using System.Globalization;
using System.Net;
using Rivya.Sdk.Common;
using Rivya.Sdk.Errors;
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
            ErrorKind.Authentication => new RivyaAuthenticationException(message, status, code, requestId, idempotencyKey, retryAfter),
            ErrorKind.PermissionDenied => new RivyaPermissionDeniedException(message, status, code, requestId, idempotencyKey, retryAfter),
            ErrorKind.NotFound => new RivyaNotFoundException(message, status, code, requestId, idempotencyKey, retryAfter),
            ErrorKind.IdempotencyConflict => new RivyaIdempotencyConflictException(message, status, code, requestId, idempotencyKey, retryAfter),
            ErrorKind.InsufficientCredits => new RivyaInsufficientCreditsException(message, status, code, requestId, idempotencyKey, retryAfter),
            ErrorKind.RateLimit => new RivyaRateLimitException(message, status, code, requestId, idempotencyKey, retryAfter),
            ErrorKind.ServiceUnavailable => new RivyaServiceUnavailableException(message, status, code, requestId, idempotencyKey, retryAfter),
            ErrorKind.Server => new RivyaServerException(message, status, code, requestId, idempotencyKey, retryAfter),
            _ => new RivyaApiException(message, status, code, requestId, idempotencyKey, retryAfter),
        };
    }

    private enum ErrorKind
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

    private static ErrorKind Classify(string? code, int status)
    {
        switch (code)
        {
            case "api_key_missing" or "api_key_invalid" or "api_key_revoked" or "api_key_expired":
                return ErrorKind.Authentication;
            case "api_scope_denied":
                return ErrorKind.PermissionDenied;
            case "not_found":
                return ErrorKind.NotFound;
            case "idempotency_conflict":
                return ErrorKind.IdempotencyConflict;
            case "insufficient_credits":
                return ErrorKind.InsufficientCredits;
            case "rate_limited":
                return ErrorKind.RateLimit;
            case "public_api_disabled":
                return ErrorKind.ServiceUnavailable;
            case "validation_failed" or "webhook_url_rejected":
                return ErrorKind.Other;
        }

        return status switch
        {
            401 => ErrorKind.Authentication,
            402 => ErrorKind.InsufficientCredits,
            403 => ErrorKind.PermissionDenied,
            404 => ErrorKind.NotFound,
            409 => ErrorKind.IdempotencyConflict,
            429 => ErrorKind.RateLimit,
            503 => ErrorKind.ServiceUnavailable,
            >= 500 and <= 599 => ErrorKind.Server,
            _ => ErrorKind.Other,
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
