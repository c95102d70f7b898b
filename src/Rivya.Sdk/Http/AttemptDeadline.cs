using System;
using System.Threading;
#if !NET8_0_OR_GREATER
using System.Threading.Tasks;
#endif

namespace Rivya.Sdk.Http;

/// <summary>
/// The per-attempt timeout: a token that is cancelled when the attempt's time is up (on the client's
/// <see cref="TimeProvider"/>) or when the caller cancels.
/// </summary>
/// <remarks>
/// Polly's timeout strategy did this before; doing it inside the attempt removes one async layer that every call
/// suspended through while it waited on the network. On the system clock (net8.0+) the token source is reused
/// across calls through the client's <see cref="DeadlineSourcePool"/>, so an attempt allocates no timer and no
/// registrations.
/// </remarks>
internal readonly struct AttemptDeadline : IDisposable
{
    private readonly CancellationTokenSource? _source;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenRegistration _callerRegistration;
    private readonly DeadlineSourcePool? _pool;

    private AttemptDeadline(CancellationTokenSource? source, DeadlineSourcePool? pool, CancellationToken callerToken)
    {
        _source = source;
        _callerToken = callerToken;
        _pool = pool;
        _callerRegistration = source is not null && callerToken.CanBeCanceled
            ? callerToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
    }

    /// <summary>The token the attempt runs with: cancelled at the deadline or by the caller.</summary>
    public CancellationToken Token => _source?.Token ?? _callerToken;

    /// <summary>True when the deadline passed (rather than the caller cancelling).</summary>
    public bool TimedOut => _source is { IsCancellationRequested: true } && !_callerToken.IsCancellationRequested;

    /// <summary>Starts the deadline; <see cref="Timeout.InfiniteTimeSpan"/> (or more than <see cref="Delays.MaxDelay"/>) means none, and the caller's token is used as it is.</summary>
    public static AttemptDeadline Start(TimeSpan timeout, TimeProvider clock, DeadlineSourcePool pool, CancellationToken callerToken)
    {
        // Beyond what a timer can hold it is no bound at all (the options accept any positive timeout; a timer refuses it).
        if (timeout == Timeout.InfiniteTimeSpan || timeout > Delays.MaxDelay)
        {
            return new AttemptDeadline(null, pool: null, callerToken);
        }

#if NET8_0_OR_GREATER
        if (ReferenceEquals(clock, TimeProvider.System))
        {
            var source = pool.Take() ?? new CancellationTokenSource();
            source.CancelAfter(timeout);
            return new AttemptDeadline(source, pool, callerToken);
        }

        return new AttemptDeadline(new CancellationTokenSource(timeout, clock), pool: null, callerToken);
#else
        return new AttemptDeadline(clock.CreateCancellationTokenSource(timeout), pool: null, callerToken);
#endif
    }

    /// <summary>Stops the timer and the caller's registration; keeps the source for the next attempt when it can.</summary>
    public void Dispose()
    {
        if (_source is null)
        {
            return;
        }

        _callerRegistration.Dispose();
#if NET8_0_OR_GREATER
        // TryReset fails once the source was cancelled (or its timer already fired): such a source is not reused.
        if (_pool is not null && _source.TryReset() && _pool.GiveBack(_source))
        {
            return;
        }
#endif

        _source.Dispose();
    }
}

/// <summary>
/// Spare token sources for <see cref="AttemptDeadline"/>, one pool per client. A reset source keeps its timer and
/// its registration list, so reusing one spares an attempt those allocations.
/// </summary>
/// <remarks>
/// Shared by the client's calls, not per thread: an attempt usually starts on the caller's thread and ends on a pool
/// thread, so a per-thread spare would never come back to where the next attempt starts. A few slots cover the calls
/// in flight at once; beyond them a source is simply created and disposed. Only net8.0+ reuses sources
/// (<c>CancellationTokenSource.TryReset</c>).
/// </remarks>
internal sealed class DeadlineSourcePool
{
    private readonly CancellationTokenSource?[] _spares = new CancellationTokenSource?[Math.Min(Environment.ProcessorCount * 2, 32)];

    public CancellationTokenSource? Take()
    {
        for (var i = 0; i < _spares.Length; i++)
        {
            if (Volatile.Read(ref _spares[i]) is not null && Interlocked.Exchange(ref _spares[i], null) is { } spare)
            {
                // A timer that was already firing when the source was reset can still cancel it afterwards; such a
                // source would end the next attempt at once, so it is dropped.
                if (!spare.IsCancellationRequested)
                {
                    return spare;
                }

                spare.Dispose();
            }
        }

        return null;
    }

    /// <summary>Keeps a reset, uncancelled <paramref name="source"/> for a later attempt; false when every slot is full.</summary>
    public bool GiveBack(CancellationTokenSource source)
    {
        for (var i = 0; i < _spares.Length; i++)
        {
            if (Volatile.Read(ref _spares[i]) is null && Interlocked.CompareExchange(ref _spares[i], source, null) is null)
            {
                return true;
            }
        }

        return false;
    }
}
