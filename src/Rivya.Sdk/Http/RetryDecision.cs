using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using Polly.Timeout;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Http;

/// <summary>
/// The one retry decision of the SDK: every HTTP exchange (a call's attempts, a wait's polls, a batch's creates and
/// polls, a download's hops, the catalogue check) asks it what an answer means. The rules: connection failures,
/// timeouts, 408/429/500/502/503/504 and an unreadable 2xx are worth asking again; a <c>Retry-After</c> above
/// <see cref="RivyaClientOptions.MaxRetryAfter"/> means give up; the wait is the server's <c>Retry-After</c>, else the
/// <see cref="Backoff"/>, always within <see cref="Delays.MaxDelay"/>.
/// </summary>
/// <remarks>
/// A new path builds <see cref="AttemptFacts"/> from what its exchange produced, keeps its own
/// <see cref="RetryBudget"/>, calls <see cref="Decide"/> and sleeps <see cref="RetryAdvice.Delay"/> with
/// <see cref="Delays.SleepAsync"/>. The decision keeps no state: one instance serves a client.
/// </remarks>
internal sealed class RetryDecision
{
    private readonly TimeSpan _maxRetryAfter;
    private readonly Func<double> _jitter;

    public RetryDecision(TimeSpan maxRetryAfter, Func<double>? jitter)
    {
        _maxRetryAfter = maxRetryAfter;
        _jitter = jitter ?? SharedRandom.NextDouble;
    }

    public static RetryDecision For(RivyaClientOptions options) => new(options.MaxRetryAfter, options.JitterSource);

    /// <param name="facts">What the exchange produced.</param>
    /// <param name="budget">What it has spent and may spend.</param>
    /// <param name="progressed">The exchange made progress before it failed (a download received bytes): retried after
    /// the shortest backoff (about 1 s, so a host that sends a byte per connection is not asked thousands of times a
    /// second) and not counted; the caller starts its count again.</param>
    /// <param name="callerToken">The caller's token: once cancelled, nothing is retried.</param>
    public RetryAdvice Decide(in AttemptFacts facts, RetryBudget budget, bool progressed, CancellationToken callerToken)
    {
        if (facts.IsSuccess)
        {
            return new RetryAdvice(RetryVerdict.Success);
        }

        if (callerToken.IsCancellationRequested || !IsTransient(facts, callerToken))
        {
            return new RetryAdvice(RetryVerdict.Final);
        }

        if (facts.RetryAfter is { } retryAfter && retryAfter > _maxRetryAfter)
        {
            // Sleeping for an hour inside a request is never what the caller wants: fail now, with RetryAfter set.
            return new RetryAdvice(RetryVerdict.GiveUp, RetryAfterTooLong: true);
        }

        if (progressed)
        {
            return new RetryAdvice(RetryVerdict.Retry, Delays.Cap(Backoff(0, _jitter())));
        }

        var pause = budget.MaxPauses > 0 && facts.Status == 429;
        var spent = pause ? budget.Pauses : budget.Retries;
        if (spent >= (pause ? budget.MaxPauses : budget.MaxRetries))
        {
            return new RetryAdvice(RetryVerdict.GiveUp);
        }

        var delay = facts.RetryAfter is { } asked && asked > TimeSpan.Zero ? asked : Backoff(spent, _jitter());
        return new RetryAdvice(RetryVerdict.Retry, Delays.Cap(delay), pause);
    }

    /// <summary>
    /// Whether asking again may bring another answer: a network fault or timeout (not the caller's cancellation), a
    /// retryable status, or an unreadable 2xx. A wait asks this of a poll that failed after its own retries.
    /// </summary>
    public static bool IsTransient(in AttemptFacts facts, CancellationToken callerToken) =>
        facts.Fault is { } fault
            ? IsTransient(fault, callerToken)
            : facts.TimedOut || facts.UnreadableSuccess || IsRetryableStatus((HttpStatusCode)facts.Status);

    /// <summary>408, 429, 500, 502, 503, 504: the statuses that may succeed if asked again. Never other 4xx.</summary>
    public static bool IsRetryableStatus(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>Network faults and timeouts of one attempt; not the caller's own cancellation.</summary>
    public static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        TimeoutRejectedException or HttpRequestException or IOException => true,
        // HttpClient.Timeout (of a caller-supplied client) or a handler's own timeout: the caller did not cancel.
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>
    /// The backoff before retry number <paramref name="retryIndex"/> (0 for the first), given a random value in [0, 1):
    /// doubling from 1 s (0.8-1.2 s with jitter, never immediate) up to 30 s.
    /// </summary>
    public static TimeSpan Backoff(int retryIndex, double random)
    {
        const double jitter = 0.2;
        var exponential = Math.Min(1000 * Math.Pow(2, Math.Min(retryIndex, 30)), 30_000);
        return TimeSpan.FromMilliseconds(exponential * (1 - jitter + (2 * jitter * random)));
    }
}

/// <summary>What one answer means for the exchange that got it.</summary>
internal enum RetryVerdict
{
    /// <summary>A usable answer: the exchange is done.</summary>
    Success,

    /// <summary>Asking again may succeed, and the budget allows it: sleep <see cref="RetryAdvice.Delay"/>, then ask again.</summary>
    Retry,

    /// <summary>Asking again may succeed, but the budget is spent or the server asked for a wait beyond <c>MaxRetryAfter</c>.</summary>
    GiveUp,

    /// <summary>Asking again would get the same answer (a 4xx, the caller's cancellation, a bug).</summary>
    Final,
}

/// <summary>
/// The decision on one answer: its <see cref="RetryVerdict"/>; for a retry, the sleep (within
/// <see cref="Delays.MaxDelay"/>) and whether it spends a gate's 429 pause rather than a retry; for a give-up, whether
/// the server's <c>Retry-After</c> was above <c>MaxRetryAfter</c>.
/// </summary>
internal readonly record struct RetryAdvice(RetryVerdict Verdict, TimeSpan Delay = default, bool IsRateLimitPause = false, bool RetryAfterTooLong = false);

/// <summary>
/// What an exchange has spent and may spend: retries, and, when a gate (a batch) budgets 429s apart
/// (<see cref="MaxPauses"/> above 0), pauses.
/// </summary>
internal readonly record struct RetryBudget(int Retries, int MaxRetries, int Pauses = 0, int MaxPauses = 0);
