using System;

namespace Rivya.Sdk.Downloads;

/// <summary>How one download attempt ended, when it did not throw.</summary>
internal readonly struct AttemptOutcome
{
    private AttemptOutcome(OutcomeKind kind, string? reason, int? statusCode, TimeSpan? retryAfter)
    {
        Kind = kind;
        Reason = reason;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public OutcomeKind Kind { get; }

    /// <summary>Why the attempt must be tried again (written by the SDK, never server text).</summary>
    public string? Reason { get; }

    public int? StatusCode { get; }

    public TimeSpan? RetryAfter { get; }

    public static AttemptOutcome Complete(int statusCode) => new(OutcomeKind.Complete, null, statusCode, null);

    public static AttemptOutcome Retry(string reason, int? statusCode = null, TimeSpan? retryAfter = null) => new(OutcomeKind.Retry, reason, statusCode, retryAfter);

    public static AttemptOutcome Gone(int statusCode) => new(OutcomeKind.Gone, null, statusCode, null);
}

internal enum OutcomeKind
{
    /// <summary>Every byte is written.</summary>
    Complete,

    /// <summary>A cut, a stall, a 408/429/5xx: resume (at once after progress, else after the backoff).</summary>
    Retry,

    /// <summary>403, 404 or 410 from the result host: the URL expired or the file is gone.</summary>
    Gone,
}
