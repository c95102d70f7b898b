using System;
using System.Net;
using Rivya.Sdk.Errors;

namespace Rivya.Sdk.Http;

/// <summary>
/// What one attempt produced: a parsed value, or a server error for <see cref="RetryDecision"/> to judge. The Polly
/// pipeline is typed on this base (<c>ResiliencePipeline&lt;AttemptResult&gt;</c>), so no outcome is converted to
/// <c>object</c>; the caller downcasts to <see cref="AttemptResult{T}"/>.
/// </summary>
internal abstract class AttemptResult(HttpStatusCode statusCode, ServerError? error)
{
    public bool IsSuccess => Error is null;

    public HttpStatusCode StatusCode { get; } = statusCode;

    public ServerError? Error { get; } = error;

    public AttemptFacts Facts => AttemptFacts.Answer(StatusCode, Error?.RetryAfter, Error?.IsUnreadableSuccess == true);
}

internal sealed class AttemptResult<T>(HttpStatusCode statusCode, T? value, ServerError? error) : AttemptResult(statusCode, error)
{
    public T? Value { get; } = value;

    public static AttemptResult<T> Success(HttpStatusCode statusCode, T value) => new(statusCode, value, null);

    public static AttemptResult<T> Failure(ServerError error) => new(error.StatusCode, default, error);
}
