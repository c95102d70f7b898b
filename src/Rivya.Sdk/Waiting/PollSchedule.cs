using System;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Waiting;

/// <summary>
/// The sleeps of one wait: <see cref="WaitOptions.InitialDelay"/>, then <see cref="WaitOptions.PollInterval"/> growing
/// by <see cref="WaitOptions.PollIntervalMultiplier"/> up to <see cref="WaitOptions.MaxPollInterval"/>, each scaled by
/// a random factor in [1 - jitter, 1 + jitter]. The growth is computed without jitter, so jitter never compounds.
/// </summary>
internal sealed class PollSchedule
{
    private readonly WaitOptions _options;
    private readonly Func<double> _random;
    private TimeSpan? _interval;

    /// <param name="options">The schedule's settings.</param>
    /// <param name="random">A source of values in [0, 1); null uses a shared random source. 0.5 means no jitter.</param>
    public PollSchedule(WaitOptions options, Func<double>? random)
    {
        _options = options;
        _random = random ?? SharedRandom.NextDouble;
    }

    /// <summary>The sleep before the next poll.</summary>
    public TimeSpan Next()
    {
        if (_interval is null)
        {
            _interval = _options.PollInterval;
            return Jittered(_options.InitialDelay, TimeSpan.MaxValue);
        }

        var next = _interval.Value;
        _interval = Grow(next);
        return Jittered(next, _options.MaxPollInterval);
    }

    private TimeSpan Grow(TimeSpan interval)
    {
        // Ticks, not TimeSpan.FromMilliseconds: on .NET Framework that rounds to whole milliseconds.
        var grown = TimeSpan.FromTicks((long)Math.Round(interval.Ticks * _options.PollIntervalMultiplier));
        return grown > _options.MaxPollInterval ? _options.MaxPollInterval : grown;
    }

    private TimeSpan Jittered(TimeSpan planned, TimeSpan ceiling)
    {
        if (_options.Jitter == 0 || planned == TimeSpan.Zero)
        {
            return planned;
        }

        var factor = 1 - _options.Jitter + (2 * _options.Jitter * _random());
        var jittered = TimeSpan.FromTicks((long)Math.Round(planned.Ticks * factor));
        return jittered > ceiling ? ceiling : jittered;
    }
}
