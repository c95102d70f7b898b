using System;
using System.Linq;
using System.Threading;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Rivya.Sdk.Http;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>The per-attempt deadline on its own: when its token fires, who fired it, and when a source is reused.</summary>
public class AttemptDeadlineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(100);

    [Fact]
    public void A_timeout_longer_than_any_timer_holds_is_no_deadline_rather_than_a_failed_call()
    {
        // RivyaClientOptions.Timeout and RequestOptions.Timeout accept any positive value; a timer refuses ~49.7 days.
        var start = () => AttemptDeadline.Start(TimeSpan.FromDays(100), TimeProvider.System, new DeadlineSourcePool(), CancellationToken.None);

        using var deadline = start.Should().NotThrow().Subject;
        deadline.Token.IsCancellationRequested.Should().BeFalse();
        deadline.TimedOut.Should().BeFalse();
    }

    [Fact]
    public void The_token_fires_at_the_deadline_on_the_clients_clock_and_counts_as_timed_out()
    {
        var clock = new FakeTimeProvider();
        using var deadline = AttemptDeadline.Start(Timeout, clock, new DeadlineSourcePool(), CancellationToken.None);

        clock.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        deadline.Token.IsCancellationRequested.Should().BeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(1));

        deadline.Token.IsCancellationRequested.Should().BeTrue();
        deadline.TimedOut.Should().BeTrue();
    }

    [Fact]
    public void The_callers_cancellation_fires_the_token_but_is_not_a_timeout()
    {
        using var caller = new CancellationTokenSource();
        using var deadline = AttemptDeadline.Start(Timeout, new FakeTimeProvider(), new DeadlineSourcePool(), caller.Token);

        caller.Cancel();

        deadline.Token.IsCancellationRequested.Should().BeTrue();
        deadline.TimedOut.Should().BeFalse();
    }

    [Fact]
    public void An_infinite_timeout_runs_on_the_callers_token_itself()
    {
        using var caller = new CancellationTokenSource();
        using var deadline = AttemptDeadline.Start(System.Threading.Timeout.InfiniteTimeSpan, new FakeTimeProvider(), new DeadlineSourcePool(), caller.Token);

        deadline.Token.Should().Be(caller.Token);
        deadline.TimedOut.Should().BeFalse();
    }

    [Fact]
    public void After_the_attempt_ends_the_deadline_no_longer_fires()
    {
        var clock = new FakeTimeProvider();
        var deadline = AttemptDeadline.Start(Timeout, clock, new DeadlineSourcePool(), CancellationToken.None);
        var token = deadline.Token;
        deadline.Dispose();

        clock.Advance(Timeout * 2);

        token.IsCancellationRequested.Should().BeFalse();
    }

    [Fact]
    public void A_source_cancelled_by_the_caller_is_never_handed_to_the_next_attempt()
    {
        var pool = new DeadlineSourcePool();
        using var caller = new CancellationTokenSource();
        var cancelled = AttemptDeadline.Start(Timeout, TimeProvider.System, pool, caller.Token);
        caller.Cancel();
        cancelled.Dispose();

        pool.Take().Should().BeNull("a cancelled source cannot be reset");
        using var next = AttemptDeadline.Start(Timeout, TimeProvider.System, pool, CancellationToken.None);

        next.Token.IsCancellationRequested.Should().BeFalse();
        next.TimedOut.Should().BeFalse();
    }

    [Fact]
    public void A_pool_keeps_at_most_a_few_spares_and_hands_each_out_once()
    {
        var pool = new DeadlineSourcePool();
        var sources = Enumerable.Range(0, 100).Select(_ => new CancellationTokenSource()).ToList();

        var kept = sources.Count(pool.GiveBack);
        var taken = Enumerable.Range(0, 100).Select(_ => pool.Take()).Where(s => s is not null).ToList();

        kept.Should().BeInRange(1, 32);
        taken.Should().HaveCount(kept).And.OnlyHaveUniqueItems();
        sources.ForEach(s => s.Dispose());
    }

    [Fact]
    public void A_spare_cancelled_after_it_was_given_back_is_dropped_not_handed_out()
    {
        var pool = new DeadlineSourcePool();
        var late = new CancellationTokenSource();
        pool.GiveBack(late).Should().BeTrue();

        late.Cancel();

        pool.Take().Should().BeNull();
    }

#if !RIVYA_NETSTANDARD_LEG
    [Fact]
    public void On_the_system_clock_a_source_is_reused_for_the_next_attempt()
    {
        var pool = new DeadlineSourcePool();
        var first = AttemptDeadline.Start(Timeout, TimeProvider.System, pool, CancellationToken.None);
        var firstToken = first.Token;
        first.Dispose();

        using var second = AttemptDeadline.Start(Timeout, TimeProvider.System, pool, CancellationToken.None);

        second.Token.Should().Be(firstToken, "the same source, reset, so no timer is allocated per attempt");
        second.Token.IsCancellationRequested.Should().BeFalse();
    }
#endif
}
