using System;
using System.Threading;
using Polly;

namespace Rivya.Sdk.Http;

/// <summary>What the retry strategy and each attempt (its timeout, its log lines) need to know about the call they are running.</summary>
/// <remarks>One per call, so kept small: the retries spent are Polly's attempt number less <see cref="Pauses"/>.</remarks>
internal sealed class CallState(
    RivyaRequest request, int maxRetries, TimeSpan attemptTimeout, IAttemptGate? gate, CancellationToken callerToken)
{
    public static readonly ResiliencePropertyKey<CallState> Key = new("Rivya.Sdk.Call");

    public RivyaRequest Request { get; } = request;

    public int MaxRetries { get; } = maxRetries;

    /// <summary>The 429s the call may pause on its gate: none outside a batch, nor for a call that may not be repeated.</summary>
    public int MaxPauses => Gate is not null && Request.IsRetryable ? Gate.MaxPauses : 0;

    public TimeSpan AttemptTimeout { get; } = attemptTimeout;

    /// <summary>The batch's gate every attempt passes; null outside a batch.</summary>
    public IAttemptGate? Gate { get; } = gate;

    public CancellationToken CallerToken { get; } = callerToken;

    /// <summary>Attempts made so far (1 for the first).</summary>
    public int Attempts { get; set; }

    public int Pauses { get; private set; }

    /// <summary>The delay the decision gave the retry about to happen.</summary>
    public TimeSpan NextDelay { get; private set; }

    /// <summary>Whether the retry about to happen spends a gate's 429 pause rather than a retry (the decision said so).</summary>
    public bool NextIsPause { get; private set; }

    public static CallState From(ResilienceContext context) => context.Properties.GetValue(Key, null!);

    /// <summary>The budget after <paramref name="retriesAndPauses"/> retries in all (Polly's attempt number).</summary>
    public RetryBudget Budget(int retriesAndPauses) => new(retriesAndPauses - Pauses, MaxRetries, Pauses, MaxPauses);

    public void Spend(RetryAdvice advice)
    {
        NextDelay = advice.Delay;
        NextIsPause = advice.IsRateLimitPause;
        if (advice.IsRateLimitPause)
        {
            Pauses++;
        }
    }
}
