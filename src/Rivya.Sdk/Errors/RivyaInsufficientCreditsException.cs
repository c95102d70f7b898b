using System;
using System.Net;

namespace Rivya.Sdk;

/// <summary>The account has too few credits for the task (<c>insufficient_credits</c>). Not retried.</summary>
public sealed class RivyaInsufficientCreditsException : RivyaApiException
{
    /// <summary>Creates the exception.</summary>
    public RivyaInsufficientCreditsException(string message, HttpStatusCode statusCode, string? errorCode = null, string? requestId = null, string? idempotencyKey = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, requestId, idempotencyKey, retryAfter, innerException)
    {
    }
}
