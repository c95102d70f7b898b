using System;
using System.Net;

namespace Rivya.Sdk;

/// <summary>The <c>Idempotency-Key</c> was reused with a different request (409 <c>idempotency_conflict</c>). Not retried.</summary>
public sealed class RivyaIdempotencyConflictException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaIdempotencyConflictException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}
