using System;
using System.Net;

namespace Rivya.Sdk;

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
