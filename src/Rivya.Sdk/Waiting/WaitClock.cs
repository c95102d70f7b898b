using System;
using System.Threading;
#if !NET8_0_OR_GREATER
using System.Threading.Tasks; // TimeProviderTaskExtensions.CreateCancellationTokenSource
#endif

namespace Rivya.Sdk.Waiting;

/// <summary>Deadlines on a <see cref="TimeProvider"/>, the same way on netstandard2.0 and on .NET 8+.</summary>
internal static class WaitClock
{
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
