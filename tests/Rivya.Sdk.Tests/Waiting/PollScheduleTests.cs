using System;
using System.Linq;
using FluentAssertions;
using Rivya.Sdk.Waiting;
using Xunit;

namespace Rivya.Sdk.Tests.Waiting;

public sealed class PollScheduleTests
{
    [Fact]
    public void The_defaults_with_jitter_pinned_give_2_5_then_5_growing_by_half_up_to_15()
    {
        var schedule = new PollSchedule(new WaitOptions(), () => 0.5);

        Take(schedule, 8).Should().Equal(Seconds(2.5, 5, 7.5, 11.25, 15, 15, 15, 15));
    }

    [Fact]
    public void The_lowest_jitter_shortens_every_sleep_by_the_jitter_fraction()
    {
        var schedule = new PollSchedule(new WaitOptions(), () => 0.0);

        Take(schedule, 6).Should().Equal(Seconds(2.25, 4.5, 6.75, 10.125, 13.5, 13.5));
    }

    [Fact]
    public void The_highest_jitter_lengthens_sleeps_but_never_past_the_maximum()
    {
        var schedule = new PollSchedule(new WaitOptions(), () => 1.0);

        Take(schedule, 6).Should().Equal(Seconds(2.75, 5.5, 8.25, 12.375, 15, 15));
    }

    [Fact]
    public void Jitter_does_not_compound_the_growth()
    {
        var calls = 0;
        var schedule = new PollSchedule(new WaitOptions(), () => calls++ % 2 == 0 ? 0.0 : 1.0);

        // Alternating low and high jitter around the same planned 2.5, 5, 7.5, 11.25, 15 s.
        Take(schedule, 5).Should().Equal(Seconds(2.25, 5.5, 6.75, 12.375, 13.5));
    }

    [Fact]
    public void No_jitter_ignores_the_random_source()
    {
        var schedule = new PollSchedule(new WaitOptions { Jitter = 0 }, () => throw new InvalidOperationException("not called"));

        Take(schedule, 3).Should().Equal(Seconds(2.5, 5, 7.5));
    }

    [Fact]
    public void A_multiplier_of_one_keeps_the_interval_constant()
    {
        var schedule = new PollSchedule(new WaitOptions { PollIntervalMultiplier = 1, InitialDelay = TimeSpan.Zero }, () => 0.5);

        Take(schedule, 4).Should().Equal(Seconds(0, 5, 5, 5));
    }

    [Fact]
    public void Custom_values_shape_the_schedule()
    {
        var options = new WaitOptions
        {
            InitialDelay = TimeSpan.FromSeconds(3),
            PollInterval = TimeSpan.FromSeconds(10),
            PollIntervalMultiplier = 2,
            MaxPollInterval = TimeSpan.FromSeconds(60),
        };

        Take(new PollSchedule(options, () => 0.5), 6).Should().Equal(Seconds(3, 10, 20, 40, 60, 60));
    }

    [Fact]
    public void The_shared_random_source_stays_within_the_jitter_bounds()
    {
        var sleeps = Take(new PollSchedule(new WaitOptions(), random: null), 200);

        sleeps[0].Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2.25)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(2.75));
        sleeps.Skip(10).Should().OnlyContain(s => s >= TimeSpan.FromSeconds(13.5) && s <= TimeSpan.FromSeconds(15));
        sleeps.Skip(10).Distinct().Should().HaveCountGreaterThan(1, "the sleeps vary");
    }

    private static TimeSpan[] Take(PollSchedule schedule, int count) => Enumerable.Range(0, count).Select(_ => schedule.Next()).ToArray();

    private static TimeSpan[] Seconds(params double[] values) => values.Select(TimeSpan.FromSeconds).ToArray();
}
