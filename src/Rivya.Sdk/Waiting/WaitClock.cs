using System;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Waiting;

/// <summary>Deadlines on a <see cref="TimeProvider"/>, the same way on netstandard2.0 and on .NET 8+.</summary>
internal static class WaitClock
{
    /// <summary>Sleeps through <see cref="Delays.SleepAsync"/>, the one capped sleep.</summary>
    public static Task Delay(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken) =>
        Delays.SleepAsync(time, delay, cancellationToken);

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
