using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using FluentAssertions;
using Polly.Timeout;
using Rivya.Sdk.Http;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>
/// Every branch of the one retry decision that every exchange asks (calls, polls, batch calls, download hops). The
/// jitter is pinned at 0.5, so the backoff is exactly 1 s, 2 s, 4 s, ...
/// </summary>
public sealed class RetryDecisionTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);
    private static readonly RetryDecision Decision = new(Cap, () => 0.5);
    private static readonly RetryBudget Fresh = new(0, 2);

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(204)]
    public void A_readable_2xx_is_success(int status) =>
        Decide(AttemptFacts.Answer((HttpStatusCode)status, null)).Verdict.Should().Be(RetryVerdict.Success);

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void A_retryable_status_is_retried_after_the_first_backoff(int status)
    {
        var advice = Decide(AttemptFacts.Answer((HttpStatusCode)status, null));

        advice.Verdict.Should().Be(RetryVerdict.Retry);
        advice.Delay.Should().Be(TimeSpan.FromSeconds(1));
        advice.IsRateLimitPause.Should().BeFalse("without a gate a 429 spends an ordinary retry");
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(402)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    [InlineData(501)]
    public void Any_other_status_is_final(int status) =>
        Decide(AttemptFacts.Answer((HttpStatusCode)status, TimeSpan.FromSeconds(1))).Verdict.Should().Be(RetryVerdict.Final);

    [Fact]
    public void An_unreadable_2xx_is_retried_like_a_5xx()
    {
        var advice = Decide(AttemptFacts.Answer(HttpStatusCode.OK, null, unreadableSuccess: true));

        advice.Verdict.Should().Be(RetryVerdict.Retry);
        advice.Delay.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Network_faults_and_timeouts_are_retried_but_a_bug_and_the_callers_cancellation_are_final()
    {
        Decide(AttemptFacts.Failed(new HttpRequestException("refused"))).Verdict.Should().Be(RetryVerdict.Retry);
        Decide(AttemptFacts.Failed(new IOException("reset"))).Verdict.Should().Be(RetryVerdict.Retry);
        Decide(AttemptFacts.Failed(new TimeoutRejectedException())).Verdict.Should().Be(RetryVerdict.Retry);
        Decide(AttemptFacts.Timeout()).Verdict.Should().Be(RetryVerdict.Retry);
        Decide(AttemptFacts.Failed(new OperationCanceledException())).Verdict.Should().Be(RetryVerdict.Retry, "the caller did not cancel: an HttpClient.Timeout");
        Decide(AttemptFacts.Failed(new ArgumentException("bug"))).Verdict.Should().Be(RetryVerdict.Final);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Decision.Decide(AttemptFacts.Failed(new OperationCanceledException()), Fresh, progressed: false, cancelled.Token).Verdict.Should().Be(RetryVerdict.Final);
        Decision.Decide(AttemptFacts.Answer(HttpStatusCode.ServiceUnavailable, null), Fresh, progressed: false, cancelled.Token).Verdict.Should().Be(RetryVerdict.Final, "nothing is retried for a caller who gave up");
    }

    [Fact]
    public void The_backoff_grows_with_the_retries_spent_and_ends_with_the_budget()
    {
        var facts = AttemptFacts.Answer(HttpStatusCode.BadGateway, null);

        Decision.Decide(facts, new RetryBudget(1, 3), false, default).Delay.Should().Be(TimeSpan.FromSeconds(2));
        Decision.Decide(facts, new RetryBudget(2, 3), false, default).Delay.Should().Be(TimeSpan.FromSeconds(4));
        var spent = Decision.Decide(facts, new RetryBudget(3, 3), false, default);
        spent.Verdict.Should().Be(RetryVerdict.GiveUp);
        spent.RetryAfterTooLong.Should().BeFalse();
        Decision.Decide(facts, new RetryBudget(0, 0), false, default).Verdict.Should().Be(RetryVerdict.GiveUp);
    }

    [Fact]
    public void A_retry_after_replaces_the_backoff_up_to_the_cap_and_beyond_it_means_give_up()
    {
        Decide(AttemptFacts.Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7))).Delay.Should().Be(TimeSpan.FromSeconds(7));
        Decide(AttemptFacts.Answer(HttpStatusCode.TooManyRequests, Cap)).Delay.Should().Be(Cap);
        Decide(AttemptFacts.Answer(HttpStatusCode.TooManyRequests, TimeSpan.Zero)).Delay.Should().Be(TimeSpan.FromSeconds(1), "a zero Retry-After is never an immediate retry");

        var tooLong = Decide(AttemptFacts.Answer(HttpStatusCode.TooManyRequests, Cap + TimeSpan.FromSeconds(1)));
        tooLong.Verdict.Should().Be(RetryVerdict.GiveUp);
        tooLong.RetryAfterTooLong.Should().BeTrue();
        tooLong.Delay.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void No_server_value_and_no_option_value_reaches_a_timer_out_of_range()
    {
        var unbounded = new RetryDecision(TimeSpan.MaxValue, () => 0.5);

        var advice = unbounded.Decide(AttemptFacts.Answer(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(5_000_000)), Fresh, false, default);

        advice.Verdict.Should().Be(RetryVerdict.Retry);
        advice.Delay.Should().Be(Delays.MaxDelay);
        Delays.MaxDelay.Should().Be(TimeSpan.FromMilliseconds(int.MaxValue), "Task.Delay takes no more on any target runtime");
        Delays.Cap(TimeSpan.MaxValue).Should().Be(Delays.MaxDelay);
        Delays.Cap(TimeSpan.FromSeconds(-5)).Should().Be(TimeSpan.Zero);
        Delays.Within(TimeSpan.MaxValue, Timeout.InfiniteTimeSpan, TimeSpan.Zero).Should().Be(Delays.MaxDelay);
        Delays.Within(TimeSpan.MaxValue, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(4)).Should().Be(TimeSpan.FromMinutes(6) + TimeSpan.FromMilliseconds(1), "a wait's deadline still wins");
    }

    [Fact]
    public void Progress_means_at_once_and_uncounted_even_with_the_budget_spent()
    {
        var advice = Decision.Decide(AttemptFacts.Failed(new IOException("cut")), new RetryBudget(2, 2), progressed: true, default);

        advice.Verdict.Should().Be(RetryVerdict.Retry);
        advice.Delay.Should().Be(TimeSpan.Zero);
        Decision.Decide(AttemptFacts.Answer(HttpStatusCode.NotFound, null), new RetryBudget(0, 2), progressed: true, default).Verdict.Should().Be(RetryVerdict.Final);
    }

    [Fact]
    public void Under_a_gate_a_429_spends_a_pause_not_a_retry_until_the_pauses_run_out()
    {
        var limited = AttemptFacts.Answer(HttpStatusCode.TooManyRequests, null);

        var first = Decision.Decide(limited, new RetryBudget(2, 2, 0, 20), false, default);
        first.Verdict.Should().Be(RetryVerdict.Retry, "the retries are spent, the pauses are not");
        first.IsRateLimitPause.Should().BeTrue();
        first.Delay.Should().Be(TimeSpan.FromSeconds(1));
        Decision.Decide(limited, new RetryBudget(0, 2, 3, 20), false, default).Delay.Should().Be(TimeSpan.FromSeconds(8), "the backoff counts the pauses");
        Decision.Decide(limited, new RetryBudget(0, 2, 20, 20), false, default).Verdict.Should().Be(RetryVerdict.GiveUp);
        Decision.Decide(AttemptFacts.Answer(HttpStatusCode.TooManyRequests, Cap + Cap), new RetryBudget(0, 2, 0, 20), false, default).RetryAfterTooLong.Should().BeTrue();

        var busy = Decision.Decide(AttemptFacts.Answer(HttpStatusCode.ServiceUnavailable, null), new RetryBudget(2, 2, 0, 20), false, default);
        busy.Verdict.Should().Be(RetryVerdict.GiveUp, "a 503 spends retries, gate or not");
    }

    [Fact]
    public void A_failure_a_call_already_gave_up_on_is_read_back_for_the_waits_tolerance()
    {
        RetryDecision.IsTransient(AttemptFacts.Of(new RivyaConnectionException("no answer", null, new HttpRequestException("refused"))), default).Should().BeTrue();
        RetryDecision.IsTransient(AttemptFacts.Of(new RivyaConnectionException("no answer")), default).Should().BeTrue();
        RetryDecision.IsTransient(AttemptFacts.Of(new RivyaServerException("busy", HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromDays(9))), default).Should().BeTrue();
        RetryDecision.IsTransient(AttemptFacts.Of(new RivyaApiException("half", HttpStatusCode.OK)), default).Should().BeTrue("an unreadable 2xx");
        RetryDecision.IsTransient(AttemptFacts.Of(new RivyaNotFoundException("gone", HttpStatusCode.NotFound)), default).Should().BeFalse();
        RetryDecision.IsTransient(AttemptFacts.Of(new RivyaValidationException([new ValidationError("prompt", "is required")])), default).Should().BeFalse();
    }

    private static RetryAdvice Decide(AttemptFacts facts) => Decision.Decide(facts, Fresh, progressed: false, CancellationToken.None);
}
