using System;
using System.Net;

namespace Rivya.Sdk;

/// <summary>The key is missing, invalid, revoked or expired (401, <c>api_key_*</c>). Not retried.</summary>
public sealed class RivyaAuthenticationException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaAuthenticationException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}
