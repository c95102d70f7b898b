using System;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Waiting;

/// <summary>Sleeps and deadlines on a <see cref="TimeProvider"/>, the same way on netstandard2.0 and on .NET 8+.</summary>
internal static class WaitClock
{
    public static Task Delay(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        Task.Delay(delay, time, cancellationToken);
#else
        time.Delay(delay, cancellationToken);
#endif

    /// <summary>How far past the deadline a clipped sleep ends: the deadline always fires first.</summary>
    private static readonly TimeSpan PastDeadline = TimeSpan.FromMilliseconds(1);

    /// <summary>The longest delay a timer accepts (2^32 - 2 ms, some 49 days).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>
    /// <paramref name="sleep"/>, unless it reaches past the end of a wait of <paramref name="timeout"/> of which
    /// <paramref name="elapsed"/> has passed: then just past that end, so the wait's deadline (due first) ends the
    /// sleep. Never more than <see cref="MaxDelay"/>, whatever a server asked for.
    /// </summary>
    public static TimeSpan Within(TimeSpan sleep, TimeSpan timeout, TimeSpan elapsed)
    {
        if (timeout != Timeout.InfiniteTimeSpan && sleep > timeout - elapsed)
        {
            var left = timeout - elapsed;
            return (left < TimeSpan.Zero ? TimeSpan.Zero : left) + PastDeadline;
        }

        return sleep > MaxDelay ? MaxDelay : sleep;
    }

    /// <summary>A source cancelled when <paramref name="timeout"/> passes on <paramref name="time"/>; never, when infinite.</summary>
    public static CancellationTokenSource Deadline(TimeProvider time, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return new CancellationTokenSource();
        }

#if NET8_0_OR_GREATER
        return new CancellationTokenSource(timeout, time);
#else
        return time.CreateCancellationTokenSource(timeout);
#endif
    }
}
