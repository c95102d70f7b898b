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

        // A documented code decides first, as the status that documents it; an unknown code falls back to the status.
        var kind = code switch
        {
            "api_key_missing" or "api_key_invalid" or "api_key_revoked" or "api_key_expired" => 401,
            "insufficient_credits" => 402,
            "api_scope_denied" => 403,
            "not_found" => 404,
            "idempotency_conflict" => 409,
            "rate_limited" => 429,
            "public_api_disabled" => 503,
            "validation_failed" or "webhook_url_rejected" => 0,
            _ => (int)status,
        };
        return kind switch
        {
            401 => new RivyaAuthenticationException(message, status, code, requestId, idempotencyKey, retryAfter),
            402 => new RivyaInsufficientCreditsException(message, status, code, requestId, idempotencyKey, retryAfter),
            403 => new RivyaPermissionDeniedException(message, status, code, requestId, idempotencyKey, retryAfter),
            404 => new RivyaNotFoundException(message, status, code, requestId, idempotencyKey, retryAfter),
            409 => new RivyaIdempotencyConflictException(message, status, code, requestId, idempotencyKey, retryAfter),
            429 => new RivyaRateLimitException(message, status, code, requestId, idempotencyKey, retryAfter),
            503 => new RivyaServiceUnavailableException(message, status, code, requestId, idempotencyKey, retryAfter),
            >= 500 and <= 599 => new RivyaServerException(message, status, code, requestId, idempotencyKey, retryAfter),
            _ => new RivyaApiException(message, status, code, requestId, idempotencyKey, retryAfter),
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
