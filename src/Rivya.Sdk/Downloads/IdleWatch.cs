using System;
using System.Threading;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// The idle-read timeout of one download attempt: a token cancelled when no byte has arrived for the idle time (on
/// the client's <see cref="TimeProvider"/>) or when the caller cancels. Every byte received pushes the deadline back.
/// </summary>
internal sealed class IdleWatch : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly ITimer? _timer;
    private readonly TimeSpan _idle;
    private volatile bool _timedOut;

    public IdleWatch(TimeSpan idle, TimeProvider clock, CancellationToken callerToken)
    {
        _idle = idle;
        _source = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        _timer = idle == Timeout.InfiniteTimeSpan
            ? null
            : clock.CreateTimer(static state => ((IdleWatch)state!).Fire(), this, idle, Timeout.InfiniteTimeSpan);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True when the idle time passed (rather than the caller cancelling).</summary>
    public bool TimedOut => _timedOut;

    /// <summary>A byte arrived: the deadline starts again.</summary>
    public void Reset() => _timer?.Change(_idle, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _timer?.Dispose();
        _source.Dispose();
    }

    private void Fire()
    {
        _timedOut = true;
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The attempt already ended.
        }
    }
}
