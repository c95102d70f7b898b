using System;
using System.Net;

namespace Rivya.Sdk;

/// <summary>
/// Rivya answered with an error. The subclass says which kind (chosen by the body's <c>error.code</c> first and the
/// HTTP status second); <see cref="ErrorCode"/> is the stable contract to branch on.
/// </summary>
public class RivyaApiException : RivyaException
{
    /// <summary>Creates the exception.</summary>
    public RivyaApiException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, taskId: null, idempotencyKey, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RequestId = requestId;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The body's <c>error.code</c> (e.g. <c>validation_failed</c>), or null when the body had none (an HTML proxy page, say).</summary>
    public string? ErrorCode { get; }

    /// <summary>The server's request id (<c>error.requestId</c>), to quote to Rivya support.</summary>
    public string? RequestId { get; }

    /// <summary>How long the server asked to wait before trying again (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>The key is missing, invalid, revoked or expired (401, <c>api_key_*</c>). Not retried.</summary>
public sealed class RivyaAuthenticationException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaAuthenticationException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}

/// <summary>The key lacks the scope the call needs (403 <c>api_scope_denied</c>). Not retried.</summary>
public sealed class RivyaPermissionDeniedException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaPermissionDeniedException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}

/// <summary>No such task or file for this account (404 <c>not_found</c>). Not retried.</summary>
public sealed class RivyaNotFoundException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaNotFoundException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}

/// <summary>The <c>Idempotency-Key</c> was reused with a different request (409 <c>idempotency_conflict</c>). Not retried.</summary>
public sealed class RivyaIdempotencyConflictException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaIdempotencyConflictException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}

/// <summary>The account has too few credits for the task (<c>insufficient_credits</c>). Not retried.</summary>
public sealed class RivyaInsufficientCreditsException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaInsufficientCreditsException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}

/// <summary>Too many requests (429 <c>rate_limited</c>). Retried with backoff; thrown when retries ran out or the server asked to wait longer than <c>RivyaClientOptions.MaxRetryAfter</c> (see <see cref="RivyaApiException.RetryAfter"/>).</summary>
public sealed class RivyaRateLimitException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaRateLimitException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}

/// <summary>
/// A server-side failure (any 5xx, including 503 as <see cref="RivyaServiceUnavailableException"/>): transient, retried
/// (500, 502, 503, 504); thrown when retries ran out. <c>catch (RivyaServerException)</c> catches every 5xx.
/// </summary>
public class RivyaServerException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaServerException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}

/// <summary>
/// The API is temporarily off or overloaded (503, <c>public_api_disabled</c>): a <see cref="RivyaServerException"/>, so
/// a handler for every 5xx catches it too. Retried; thrown when retries ran out (try again later, after
/// <see cref="RivyaApiException.RetryAfter"/> when the server said).
/// </summary>
public sealed class RivyaServiceUnavailableException : RivyaServerException
{
    /// <summary>Creates the exception.</summary>
    public RivyaServiceUnavailableException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}
