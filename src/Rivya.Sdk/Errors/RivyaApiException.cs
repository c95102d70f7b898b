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
