using System;
using System.Net;

namespace Rivya.Sdk;

/// <summary>The key lacks the scope the call needs (403 <c>api_scope_denied</c>). Not retried.</summary>
public sealed class RivyaPermissionDeniedException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaPermissionDeniedException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}
