using System;
using System.Net;

namespace Rivya.Sdk.Errors;

/// <summary>An error answer, read with a size limit and parsed as far as its body allows.</summary>
internal sealed class ServerError
{
    public ServerError(HttpStatusCode statusCode, string? reasonPhrase, string? errorCode, string? message, string? requestId, TimeSpan? retryAfter, string? bodyExcerpt, string? contentType, string? redirectTarget = null)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        ErrorCode = errorCode;
        Message = message;
        RequestId = requestId;
        RetryAfter = retryAfter;
        BodyExcerpt = bodyExcerpt;
        ContentType = contentType;
        RedirectTarget = redirectTarget;
    }

    public HttpStatusCode StatusCode { get; }

    public string? ReasonPhrase { get; }

    /// <summary>The body's <c>error.code</c>; null when the body was not Rivya's JSON error shape.</summary>
    public string? ErrorCode { get; }

    public string? Message { get; }

    public string? RequestId { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>The start of a body that was not Rivya's JSON error, whitespace folded, for the exception message.</summary>
    public string? BodyExcerpt { get; }

    public string? ContentType { get; }

    /// <summary>For a 3xx: the origin it pointed to (scrubbed), for the message; the SDK never follows it.</summary>
    public string? RedirectTarget { get; }

    /// <summary>A 2xx whose body could not be read (see <see cref="Http.UnreadableSuccess"/>), not an error answer.</summary>
    public bool IsUnreadableSuccess { get; init; }
}
