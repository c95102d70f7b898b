using System;
using System.Net;

namespace Rivya.Sdk;

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
