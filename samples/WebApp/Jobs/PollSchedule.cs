using Rivya.Sdk;

namespace Rivya.Samples.WebApp.Jobs;

/// <summary>
/// When to poll a task next: <c>Videos:PollInterval</c> when set, otherwise the SDK's own wait schedule (the defaults of
/// <see cref="WaitOptions"/>, read from there rather than copied) without its jitter, since Hangfire's scheduler already
/// spreads polls by its polling interval.
/// </summary>
internal sealed class PollSchedule(TimeSpan? fixedInterval)
{
    private static readonly WaitOptions Sdk = new();

    /// <summary>The delay before poll number <paramref name="poll"/> (0 = the first, after the create).</summary>
    public TimeSpan Before(int poll)
    {
        if (fixedInterval is { } interval)
        {
            return interval;
        }

        if (poll == 0)
        {
            return Sdk.InitialDelay;
        }

        var grown = Sdk.PollInterval.TotalSeconds * Math.Pow(Sdk.PollIntervalMultiplier, poll - 1);
        return TimeSpan.FromSeconds(Math.Min(grown, Sdk.MaxPollInterval.TotalSeconds));
    }

    /// <summary>The shortest delay of the schedule: how often Hangfire's scheduler must look for due polls.</summary>
    public TimeSpan Shortest => fixedInterval ?? Sdk.InitialDelay;
}
