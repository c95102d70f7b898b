using System;

namespace Rivya.Sdk.Http;

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
