using System;
using System.Threading;

namespace Rivya.Sdk.Batches;

/// <summary>
/// The token a batch's create is sent with: cancelled <see cref="Grace"/> after the batch is stopped, not at once. A
/// create already sent may still bring its task id back in that time (so the item is reported with it); after it the
/// create is abandoned and the item is reported with its key, whatever the per-attempt <c>Timeout</c> is.
/// </summary>
internal sealed class CreateGrace : IDisposable
{
    /// <summary>How long a sent create may go on after the batch is stopped (on the client's clock).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _source = new();
    private readonly TimeProvider _time;
    private readonly object _lock = new();
    private readonly CancellationTokenRegistration _stopped;
    private ITimer? _timer;
    private bool _disposed;

    public CreateGrace(TimeProvider time, CancellationToken stop)
    {
        _time = time;
        _stopped = stop.Register(static state => ((CreateGrace)state!).StartGrace(), this);
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _stopped.Dispose();
        lock (_lock)
        {
            _disposed = true;
            _timer?.Dispose();
        }

        _source.Dispose();
    }

    private void StartGrace()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                // The state is the source itself: a timer that cancels a source is a timeout, not a sleep.
                _timer = _time.CreateTimer(static state => Cancel((CancellationTokenSource)state!), _source, Grace, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The create ended (and disposed its grace) as the timer fired.
        }
    }
}
