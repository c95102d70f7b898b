using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Batches;

/// <summary>
/// The one rate-limit budget of a batch, a hook of the client's one retry loop (<see cref="IAttemptGate"/>): every
/// attempt of every create and poll of the batch passes <see cref="WaitAsync"/>, and a 429 retried by any of them
/// closes the gate for all until its <c>Retry-After</c> (else the backoff) has passed, instead of each call meeting its
/// own 429s. A pause that starts is logged once; a pause extended while it runs is not logged again.
/// </summary>
internal sealed partial class BatchRateGate(TimeProvider time, ILogger logger, RivyaMetrics metrics) : IAttemptGate
{
    /// <summary>Consecutive 429s one call accepts before it reports the last one: a server that never lets up ends the item.</summary>
    public const int MaxRateLimitPauses = 20;

    private readonly object _lock = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public int MaxPauses => MaxRateLimitPauses;

    /// <summary>Completes at once outside a pause; otherwise when the pause (however often extended) is over.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan remaining;
            lock (_lock)
            {
                remaining = _pausedUntil - time.GetUtcNow();
            }

            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            await Delays.SleepAsync(time, remaining, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Holds every call of the batch for <paramref name="pause"/> from now (a longer pause already running wins).</summary>
    public void Close(TimeSpan pause)
    {
        var now = time.GetUtcNow();
        var until = now + Delays.Cap(pause);
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
            metrics.RecordRateLimitPause();
            LogPause(logger, pause.TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Rivya batch: rate limited; every create and poll of the batch pauses for {PauseMs:0} ms")]
    private static partial void LogPause(ILogger logger, double pauseMs);
}
