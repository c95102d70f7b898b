using System;
using System.Net;

namespace Rivya.Sdk;

/// <summary>No such task or file for this account (404 <c>not_found</c>). Not retried.</summary>
public sealed class RivyaNotFoundException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaNotFoundException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}
