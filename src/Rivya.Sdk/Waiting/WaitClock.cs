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
