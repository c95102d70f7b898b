using System;
using System.Threading;
using Polly;

namespace Rivya.Sdk.Http;

/// <summary>What the retry strategy and each attempt (its timeout, its log lines) need to know about the call they are running.</summary>
internal sealed class CallState
{
    public static readonly ResiliencePropertyKey<CallState> Key = new("Rivya.Sdk.Call");

    public CallState(RivyaRequest request, int maxRetries, TimeSpan attemptTimeout, IAttemptGate? gate, CancellationToken callerToken)
    {
        Request = request;
        MaxRetries = maxRetries;
        AttemptTimeout = attemptTimeout;
        Gate = gate;
        // A 429 is paused on the gate's budget only when the call may be repeated at all.
        MaxPauses = gate is not null && request.IsRetryable ? gate.MaxPauses : 0;
        CallerToken = callerToken;
        Budget = new RetryBudget(0, maxRetries, 0, MaxPauses);
    }

    public RivyaRequest Request { get; }

    public int MaxRetries { get; }

    public int MaxPauses { get; }

    public TimeSpan AttemptTimeout { get; }

    /// <summary>The batch's gate every attempt passes; null outside a batch.</summary>
    public IAttemptGate? Gate { get; }

    public CancellationToken CallerToken { get; }

    /// <summary>Attempts made so far (1 for the first).</summary>
    public int Attempts { get; set; }

    /// <summary>Retries and 429 pauses so far.</summary>
    public RetryBudget Budget { get; private set; }

    /// <summary>The last retry's advice: its delay, whether it was a pause.</summary>
    public RetryAdvice Next { get; private set; }

    public static CallState From(ResilienceContext context) => context.Properties.GetValue(Key, null!);

    /// <summary>Spends one retry (or pause) on <paramref name="advice"/>.</summary>
    public void Spend(RetryAdvice advice)
    {
        Next = advice;
        Budget = advice.IsRateLimitPause ? Budget with { Pauses = Budget.Pauses + 1 } : Budget with { Retries = Budget.Retries + 1 };
    }
}
