using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Http;
using Xunit;

namespace Rivya.Sdk.Tests.Support;

/// <summary>The test clock sees the timers production arms (here the per-attempt deadline) and fires them on advance.</summary>
public class TestClockTests
{
    [Fact]
    public async Task Sees_the_attempt_deadline_timer_and_fires_it_on_advance()
    {
        var clock = new TestClock();
        using var deadline = AttemptDeadline.Start(TimeSpan.FromSeconds(100), clock, new DeadlineSourcePool(), CancellationToken.None);

        var due = await clock.NextTimerAsync().WaitAsync(TimeSpan.FromSeconds(30));
        due.Should().Be(TimeSpan.FromSeconds(100));
        deadline.Token.IsCancellationRequested.Should().BeFalse();

        clock.Advance(TimeSpan.FromSeconds(99));
        deadline.Token.IsCancellationRequested.Should().BeFalse("the deadline is not reached yet");

        clock.Advance(TimeSpan.FromSeconds(1));
        deadline.Token.IsCancellationRequested.Should().BeTrue();
        deadline.TimedOut.Should().BeTrue("the caller did not cancel");
    }

    [Fact]
    public async Task A_caller_cancellation_is_not_a_timeout()
    {
        var clock = new TestClock();
        using var caller = new CancellationTokenSource();
        using var deadline = AttemptDeadline.Start(TimeSpan.FromSeconds(100), clock, new DeadlineSourcePool(), caller.Token);
        await clock.NextTimerAsync().WaitAsync(TimeSpan.FromSeconds(30));

        caller.Cancel();

        deadline.Token.IsCancellationRequested.Should().BeTrue();
        deadline.TimedOut.Should().BeFalse();
    }

    [Fact]
    public async Task Tells_a_sleep_from_a_timeout_by_what_the_timer_fires_on()
    {
        var clock = new TestClock();
        using var deadline = AttemptDeadline.Start(TimeSpan.FromSeconds(100), clock, new DeadlineSourcePool(), CancellationToken.None);
        var sleep = Delays.SleepAsync(clock, TimeSpan.FromSeconds(100), CancellationToken.None);

        var next = await clock.NextSleepAsync().WaitAsync(TimeSpan.FromSeconds(30));

        next.Should().Be(TimeSpan.FromSeconds(100), "the sleep is found although the deadline of the same length was armed first");
        clock.AllTimeouts.Should().Equal(TimeSpan.FromSeconds(100));
        clock.AllSleeps.Should().Equal(TimeSpan.FromSeconds(100));
        clock.Advance(next);
        await sleep.WaitAsync(TimeSpan.FromSeconds(30));
        deadline.Token.IsCancellationRequested.Should().BeTrue();
    }
}
