using System;
using System.Net;
using System.Threading;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Http;

/// <summary>
/// The one retry decision of the SDK: every HTTP exchange (a call's attempts, a wait's polls, a batch's creates and
/// polls, a download's hops, the catalogue check) asks it what an answer means. The rules: connection failures,
/// timeouts, 408/429/500/502/503/504 and an unreadable 2xx are worth asking again; a <c>Retry-After</c> above
/// <see cref="RivyaClientOptions.MaxRetryAfter"/> means give up; the wait is the server's <c>Retry-After</c>, else the
/// backoff of <see cref="RetryPolicy"/>, always within <see cref="Delays.MaxDelay"/>.
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
    /// <param name="progressed">The exchange made progress before it failed (a download received bytes): retried at
    /// once and not counted; the caller starts its count again.</param>
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
            return new RetryAdvice(RetryVerdict.Retry);
        }

        var pause = budget.MaxPauses > 0 && facts.Status == 429;
        var spent = pause ? budget.Pauses : budget.Retries;
        if (spent >= (pause ? budget.MaxPauses : budget.MaxRetries))
        {
            return new RetryAdvice(RetryVerdict.GiveUp);
        }

        var delay = facts.RetryAfter is { } asked && asked > TimeSpan.Zero ? asked : RetryPolicy.Backoff(spent, _jitter());
        return new RetryAdvice(RetryVerdict.Retry, Delays.Cap(delay), pause);
    }

    /// <summary>
    /// Whether asking again may bring another answer: a network fault or timeout (not the caller's cancellation), a
    /// retryable status, or an unreadable 2xx. A wait asks this of a poll that failed after its own retries.
    /// </summary>
    public static bool IsTransient(in AttemptFacts facts, CancellationToken callerToken) =>
        facts.Fault is { } fault
            ? RetryPolicy.IsTransient(fault, callerToken)
            : facts.TimedOut || facts.UnreadableSuccess || RetryPolicy.IsRetryableStatus((HttpStatusCode)facts.Status);
}
