using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Rivya.Sdk.Http;
using Rivya.Sdk.Waiting;

namespace Rivya.Sdk.Batches;

/// <summary>
/// The one rate-limit budget of a batch: every create and poll of the batch passes through <see cref="WaitAsync"/>,
/// so a 429 seen by one call pauses them all until its <c>Retry-After</c> has passed, instead of each call meeting its
/// own 429s. A pause that starts is logged once; a pause extended while it runs is not logged again.
/// </summary>
internal sealed class BatchRateGate
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _lock = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public BatchRateGate(TimeProvider time, ILogger logger, RivyaMetrics metrics)
    {
        _time = time;
        _logger = logger;
        Metrics = metrics;
    }

    /// <summary>The client's instruments, for the batch's pauses and retries.</summary>
    public RivyaMetrics Metrics { get; }

    /// <summary>Completes at once outside a pause; otherwise when the pause (however often extended) is over.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan remaining;
            lock (_lock)
            {
                remaining = _pausedUntil - _time.GetUtcNow();
            }

            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            await WaitClock.Delay(_time, remaining, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Holds every call of the batch for <paramref name="delay"/> from now (a longer pause already running wins).</summary>
    public void Pause(TimeSpan delay)
    {
        var now = _time.GetUtcNow();
        var until = now + delay;
        bool starts;
        lock (_lock)
        {
            if (until <= _pausedUntil)
            {
                return;
            }

            starts = _pausedUntil <= now;
            _pausedUntil = until;
        }

        if (starts)
        {
            Metrics.RecordRateLimitPause();
            BatchLog.RateLimitPause(_logger, delay.TotalMilliseconds);
        }
    }
}
