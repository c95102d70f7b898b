using System;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Http;

/// <summary>
/// The one place every SDK sleep goes through (retry backoffs, <c>Retry-After</c> waits, poll intervals, a batch's
/// pause), so that no server value and no option value can reach a timer out of its range.
/// </summary>
internal static class Delays
{
    /// <summary>
    /// The longest delay any SDK timer is given (<see cref="int.MaxValue"/> ms, some 24.8 days): what
    /// <c>Task.Delay</c> accepts on every runtime the package targets (.NET Framework refuses more).
    /// </summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>How far past a deadline a clipped sleep ends: the deadline, due first, ends the wait.</summary>
    private static readonly TimeSpan PastDeadline = TimeSpan.FromMilliseconds(1);

    /// <summary><paramref name="delay"/> within [0, <see cref="MaxDelay"/>].</summary>
    public static TimeSpan Cap(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;

    public static Task SleepAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        Task.Delay(Cap(delay), time, cancellationToken);
#else
        time.Delay(Cap(delay), cancellationToken);
#endif

    /// <summary>A source cancelled when <paramref name="timeout"/> passes on <paramref name="time"/>; never, when infinite.</summary>
    public static CancellationTokenSource Deadline(TimeProvider time, TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource()
#if NET8_0_OR_GREATER
        : new CancellationTokenSource(timeout, time);
#else
        : time.CreateCancellationTokenSource(timeout);
#endif

    /// <summary>
    /// <paramref name="sleep"/>, unless it reaches past the end of a wait of <paramref name="timeout"/> of which
    /// <paramref name="elapsed"/> has passed: then just past that end, so the wait's deadline (due first) wins.
    /// </summary>
    public static TimeSpan Within(TimeSpan sleep, TimeSpan timeout, TimeSpan elapsed)
    {
        if (timeout != Timeout.InfiniteTimeSpan && sleep > timeout - elapsed)
        {
            var left = timeout - elapsed;
            return Cap(left) + PastDeadline;
        }

        return Cap(sleep);
    }
}
