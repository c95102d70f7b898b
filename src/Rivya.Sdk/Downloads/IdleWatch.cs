using System;
using System.Threading;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// The idle-read timeout of one download attempt: a token cancelled when no byte has arrived for the idle time (on
/// the client's <see cref="TimeProvider"/>) or when the caller cancels.
/// </summary>
/// <remarks>
/// A read only stamps the time (<see cref="Reset"/>); the timer, when it fires, re-arms itself for what is left of the
/// idle time since the last stamp. Re-arming the timer on every read instead would take the timer queue's lock a few
/// thousand times per 256 MiB.
/// </remarks>
internal sealed class IdleWatch : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly TimeProvider _clock;
    private readonly ITimer? _timer;
    private readonly TimeSpan _idle;
    private long _lastActivity;
    private volatile bool _timedOut;

    public IdleWatch(TimeSpan idle, TimeProvider clock, CancellationToken callerToken)
    {
        _idle = idle;
        _clock = clock;
        _lastActivity = clock.GetTimestamp();
        _source = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        // Beyond what a timer can hold it is no bound at all (as DownloadOptions.Timeout): a timer refuses such a due time.
        _timer = idle == Timeout.InfiniteTimeSpan || idle > Delays.MaxDelay
            ? null
            : clock.CreateTimer(static state => ((IdleWatch)state!).Fire(), this, idle, Timeout.InfiniteTimeSpan);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True when the idle time passed (rather than the caller cancelling).</summary>
    public bool TimedOut => _timedOut;

    /// <summary>A byte arrived: the idle time counts from now.</summary>
    public void Reset() => Volatile.Write(ref _lastActivity, _clock.GetTimestamp());

    public void Dispose()
    {
        _timer?.Dispose();
        _source.Dispose();
    }

    private void Fire()
    {
        try
        {
            var quiet = _clock.GetElapsedTime(Volatile.Read(ref _lastActivity));
            if (quiet < _idle)
            {
                _timer!.Change(_idle - quiet, Timeout.InfiniteTimeSpan);
                return;
            }

            _timedOut = true;
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The attempt already ended.
        }
    }
}
