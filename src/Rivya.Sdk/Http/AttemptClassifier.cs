using System;
using System.Threading;
using Polly;

namespace Rivya.Sdk.Http;

/// <summary>What one attempt's outcome means for the call.</summary>
internal enum AttemptVerdict
{
    /// <summary>A parsed 2xx: the call is done.</summary>
    Success,

    /// <summary>A network fault, a timeout, a retryable status or an unreadable 2xx: asking again may succeed.</summary>
    Retryable,

    /// <summary>Retryable, but the server asked to wait longer than <see cref="RivyaClientOptions.MaxRetryAfter"/>.</summary>
    RetryAfterTooLong,

    /// <summary>Asking again would get the same answer (a 4xx, the caller's cancellation, a bug): the call fails now.</summary>
    Final,
}

/// <summary>Step 3 of a call: classifies one attempt's outcome. Whether a retry is left is the retry strategy's business.</summary>
internal static class AttemptClassifier
{
    public static AttemptVerdict Classify(Outcome<object> outcome, TimeSpan maxRetryAfter, CancellationToken callerToken)
    {
        if (outcome.Exception is { } exception)
        {
            return RetryPolicy.IsTransient(exception, callerToken) ? AttemptVerdict.Retryable : AttemptVerdict.Final;
        }

        if (outcome.Result is not IAttemptResult result)
        {
            return AttemptVerdict.Final;
        }

        if (result.IsSuccess)
        {
            return AttemptVerdict.Success;
        }

        if (!RetryPolicy.IsRetryableStatus(result.StatusCode) && !result.IsUnreadableSuccess)
        {
            return AttemptVerdict.Final;
        }

        // Sleeping for an hour inside a request is never what the caller wants: fail now, with RetryAfter set.
        return result.RetryAfter is { } retryAfter && retryAfter > maxRetryAfter ? AttemptVerdict.RetryAfterTooLong : AttemptVerdict.Retryable;
    }

    /// <summary>The wait before retry number <paramref name="retryIndex"/> (0 for the first): the server's <c>Retry-After</c>, else backoff.</summary>
    public static TimeSpan NextDelay(Outcome<object> outcome, int retryIndex, Func<double> jitter) =>
        outcome.Result is IAttemptResult { RetryAfter: { } retryAfter } && retryAfter > TimeSpan.Zero
            ? retryAfter
            : RetryPolicy.Backoff(retryIndex, jitter());
}
