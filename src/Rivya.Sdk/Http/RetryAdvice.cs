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

/// <summary>The decision on one answer: what it means, and when retried, after which (capped) delay.</summary>
internal readonly struct RetryAdvice
{
    public RetryAdvice(RetryVerdict verdict, TimeSpan delay = default, bool isRateLimitPause = false, bool retryAfterTooLong = false)
    {
        Verdict = verdict;
        Delay = delay;
        IsRateLimitPause = isRateLimitPause;
        RetryAfterTooLong = retryAfterTooLong;
    }

    public RetryVerdict Verdict { get; }

    /// <summary>The sleep before the retry, within <see cref="Delays.MaxDelay"/>; zero unless <see cref="RetryVerdict.Retry"/>.</summary>
    public TimeSpan Delay { get; }

    /// <summary>A 429 retried on the rate-limit budget of a gate (a batch's pause), not on the retry budget.</summary>
    public bool IsRateLimitPause { get; }

    /// <summary>Given up because the server's <c>Retry-After</c> is above <c>MaxRetryAfter</c>.</summary>
    public bool RetryAfterTooLong { get; }
}

/// <summary>What an exchange may still spend: retries, and 429 pauses when a gate (a batch) budgets them apart.</summary>
internal readonly struct RetryBudget
{
    public RetryBudget(int retries, int maxRetries, int pauses = 0, int maxPauses = 0)
    {
        Retries = retries;
        MaxRetries = maxRetries;
        Pauses = pauses;
        MaxPauses = maxPauses;
    }

    public int Retries { get; }

    public int MaxRetries { get; }

    public int Pauses { get; }

    /// <summary>0 when a 429 is an ordinary retry; else how many consecutive 429s the exchange accepts.</summary>
    public int MaxPauses { get; }
}
