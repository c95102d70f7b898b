using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using Polly.Timeout;

namespace Rivya.Sdk.Http;

/// <summary>
/// The rules <see cref="RetryDecision"/> applies: which statuses and faults are transient, and the backoff, doubling
/// from 1 s (0.8-1.2 s with jitter, never immediate) up to 30 s.
/// </summary>
internal static class RetryPolicy
{
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    public const double JitterFraction = 0.2;

    /// <summary>408, 429, 500, 502, 503, 504: the statuses that may succeed if asked again. Never other 4xx.</summary>
    public static bool IsRetryableStatus(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>Network faults and timeouts of one attempt; not the caller's own cancellation.</summary>
    public static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        TimeoutRejectedException => true,
        HttpRequestException => true,
        IOException => true,
        // HttpClient.Timeout (of a caller-supplied client) or a handler's own timeout: the caller did not cancel.
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>The backoff before retry number <paramref name="retryIndex"/> (0 for the first), given a random value in [0, 1).</summary>
    public static TimeSpan Backoff(int retryIndex, double random)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retryIndex, 30));
        var capped = Math.Min(exponential, MaxBackoff.TotalMilliseconds);
        var jitter = 1 - JitterFraction + (2 * JitterFraction * random);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }
}
