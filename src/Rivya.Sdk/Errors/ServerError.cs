using System;
using System.Net;

namespace Rivya.Sdk.Errors;

/// <summary>An error answer, read with a size limit and parsed as far as its body allows.</summary>
/// <param name="StatusCode">The answer's status.</param>
/// <param name="ReasonPhrase">The status line's text, scrubbed.</param>
/// <param name="ErrorCode">The body's <c>error.code</c>; null when the body was not Rivya's JSON error shape.</param>
/// <param name="Message">The body's <c>error.message</c>.</param>
/// <param name="RequestId">The body's <c>error.requestId</c>.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header.</param>
/// <param name="BodyExcerpt">The start of a body that was not Rivya's JSON error, whitespace folded, for the exception message.</param>
/// <param name="ContentType">The body's media type.</param>
/// <param name="RedirectTarget">For a 3xx: the origin it pointed to (scrubbed), for the message; the SDK never follows it.</param>
internal sealed record ServerError(
    HttpStatusCode StatusCode,
    string? ReasonPhrase,
    string? ErrorCode,
    string? Message,
    string? RequestId,
    TimeSpan? RetryAfter,
    string? BodyExcerpt,
    string? ContentType,
    string? RedirectTarget = null)
{
    /// <summary>A 2xx whose body could not be read (see <see cref="Http.HttpAttempt"/>), not an error answer.</summary>
    public bool IsUnreadableSuccess { get; init; }
}
