using System;
using System.Net;

namespace Rivya.Sdk;

/// <summary>Too many requests (429 <c>rate_limited</c>). Retried with backoff; thrown when retries ran out or the server asked to wait longer than <c>RivyaClientOptions.MaxRetryAfter</c> (see <see cref="RivyaApiException.RetryAfter"/>).</summary>
public sealed class RivyaRateLimitException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaRateLimitException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}
