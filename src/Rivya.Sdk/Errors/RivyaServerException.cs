using System;
using System.Net;

namespace Rivya.Sdk;

/// <summary>Any other server-side failure (5xx). 500, 502 and 504 are retried; thrown when retries ran out.</summary>
public sealed class RivyaServerException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaServerException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}
