using System;
using System.Net;
using Rivya.Sdk.Errors;

namespace Rivya.Sdk.Http;

/// <summary>What one attempt produced: a parsed value, or a server error the retry strategy can judge.</summary>
internal interface IAttemptResult
{
    bool IsSuccess { get; }

    HttpStatusCode StatusCode { get; }

    TimeSpan? RetryAfter { get; }

    /// <summary>A 2xx whose body could not be read: transient when the call is safe to repeat.</summary>
    bool IsUnreadableSuccess { get; }
}

/// <summary>The outcome of one attempt of a call returning <typeparamref name="T"/>.</summary>
internal sealed class AttemptResult<T> : IAttemptResult
{
    private AttemptResult(bool isSuccess, HttpStatusCode statusCode, T? value, ServerError? error)
    {
        IsSuccess = isSuccess;
        StatusCode = statusCode;
        Value = value;
        Error = error;
    }

    public bool IsSuccess { get; }

    public HttpStatusCode StatusCode { get; }

    public T? Value { get; }

    public ServerError? Error { get; }

    public TimeSpan? RetryAfter => Error?.RetryAfter;

    public bool IsUnreadableSuccess => Error?.IsUnreadableSuccess == true;

    public static AttemptResult<T> Success(HttpStatusCode statusCode, T value) => new(true, statusCode, value, null);

    public static AttemptResult<T> Failure(ServerError error) => new(false, error.StatusCode, default, error);
}
