using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rivya.Sdk.Tests.Waiting;

public sealed class WaitForCompletionTests : IDisposable
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(15);
    private readonly WaitHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Queued_processing_succeeded_polls_on_the_default_schedule_and_answers_the_result()
    {
        _h.Then("queued", 2).Then("processing", 4).Then("succeeded");

        var wait = _h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId);
        var sleeps = await _h.DriveAsync(wait);
        var done = await wait;

        done.Status.Should().Be(GenerationStatus.Succeeded);
        done.Result!.PrimaryUrl.Should().Be("https://media.example/result.mp4");
        // 2.5 s before the first poll, then 5 s growing by 1.5 (7.5, 11.25) up to the 15 s cap.
        sleeps.Should().Equal(Seconds(2.5, 5, 7.5, 11.25, 15, 15, 15));
        _h.Polls.Should().Be(7);
        _h.Elapsed.Should().Be(TimeSpan.FromSeconds(71.25));
    }

    [Fact]
    public async Task Progress_is_reported_once_per_status_change_not_per_poll()
    {
        _h.Then("queued", 3).Then("processing", 5).Then("succeeded");
        var progress = new RecordingProgress();

        var wait = _h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId, new WaitOptions { Progress = progress });
        await _h.DriveAsync(wait);
        await wait;

        _h.Polls.Should().Be(9);
        progress.Statuses.Should().Equal("queued", "processing", "succeeded");
        progress.Reports[^1].Result.Should().NotBeNull();
    }

    [Fact]
    public async Task A_failed_task_throws_RivyaGenerationFailedException_carrying_the_task_and_its_error()
    {
        _h.Then("processing", 2)
          .Then(Response.Create().WithStatusCode(200).WithBody(WaitHarness.Task("failed", "generation_failed", "The model could not render this prompt.")));

        var wait = _h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId);
        await _h.DriveAsync(wait);
        var thrown = await FluentActions.Awaiting(() => wait).Should().ThrowAsync<RivyaGenerationFailedException>();

        var failed = thrown.Which.Generation;
        failed.Id.Should().Be(WaitHarness.TaskId);
        failed.Status.Should().Be(GenerationStatus.Failed);
        failed.Error!.Code.Should().Be("generation_failed");
        failed.Error.Message.Should().Be("The model could not render this prompt.");
        thrown.Which.Message.Should().Contain("generation_failed");
        _h.Polls.Should().Be(3);
    }

    [Fact]
    public async Task A_twenty_minute_wait_runs_instantly_and_times_out_with_the_last_state_and_the_task_id()
    {
        _h.Then("queued").Then("processing", 1000);

        var wait = _h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId, new WaitOptions { Timeout = TimeSpan.FromMinutes(20) });
        var sleeps = await _h.DriveAsync(wait);
        var thrown = await FluentActions.Awaiting(() => wait).Should().ThrowAsync<RivyaWaitTimeoutException>();

        thrown.Which.TaskId.Should().Be(WaitHarness.TaskId);
        thrown.Which.Timeout.Should().Be(TimeSpan.FromMinutes(20));
        thrown.Which.Generation!.Status.Should().Be(GenerationStatus.Processing);
        thrown.Which.Message.Should().Contain(WaitHarness.TaskId).And.Contain("processing");
        _h.Clock.AllTimers.Should().Contain(TimeSpan.FromMinutes(20), "the deadline runs on the injected clock");
        // Polls at 2.5, 7.5, 15, 26.25 s, then every 15 s: 26.25 + 78 * 15 = 1196.25 s is the last one before 1200 s.
        _h.Polls.Should().Be(82);
        sleeps.Should().HaveCount(83, "the 83rd sleep is the one the deadline cut");
        sleeps.Take(82).Aggregate(TimeSpan.Zero, (sum, s) => sum + s).Should().Be(TimeSpan.FromSeconds(1196.25));
        sleeps.Skip(4).Should().OnlyContain(s => s == TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task After_a_timeout_the_wait_resumes_by_id_and_finishes()
    {
        _h.Then("processing", 10).Then("succeeded");

        var first = _h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId, new WaitOptions { Timeout = TimeSpan.FromMinutes(2) });
        await _h.DriveAsync(first);
        var timedOut = (await FluentActions.Awaiting(() => first).Should().ThrowAsync<RivyaWaitTimeoutException>()).Which;
        var pollsBeforeResuming = _h.Polls;

        var resumed = _h.Client.Generations.WaitForCompletionAsync(timedOut.TaskId, new WaitOptions { InitialDelay = TimeSpan.Zero });
        var sleeps = await _h.DriveAsync(resumed);
        var done = await resumed;

        // Polls at 2.5, 7.5, 15, 26.25 s, then every 15 s up to 116.25 s: ten before the 2-minute deadline.
        pollsBeforeResuming.Should().Be(10);
        timedOut.Generation!.Status.Should().Be(GenerationStatus.Processing);
        done.Status.Should().Be(GenerationStatus.Succeeded);
        sleeps.Should().BeEmpty("a zero initial delay polls at once, and that poll finds the task done");
        _h.Polls.Should().Be(11);
    }

    [Fact]
    public async Task A_503_mid_wait_does_not_end_it()
    {
        using var h = new WaitHarness(maxRetries: 0);
        h.Then("queued")
         .Then(Response.Create().WithStatusCode(503).WithBody("{\"error\":{\"code\":\"public_api_disabled\",\"message\":\"down for a moment\"}}"))
         .Then("processing")
         .Then("succeeded");
        var progress = new RecordingProgress();

        var wait = h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId, new WaitOptions { Progress = progress });
        var sleeps = await h.DriveAsync(wait);
        var done = await wait;

        done.Status.Should().Be(GenerationStatus.Succeeded);
        h.Polls.Should().Be(4, "MaxRetries = 0: the pipeline did not retry the 503, the waiter did at its next interval");
        sleeps.Should().Equal(Seconds(2.5, 5, 7.5, 11.25));
        progress.Statuses.Should().Equal("queued", "processing", "succeeded");
    }

    [Fact]
    public async Task A_429_mid_wait_delays_the_next_poll_by_its_Retry_After_when_that_is_longer()
    {
        using var h = new WaitHarness(maxRetries: 0);
        h.Then("queued")
         .Then(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "40").WithBody("{\"error\":{\"code\":\"rate_limited\",\"message\":\"slow down\"}}"))
         .Then("succeeded");

        var wait = h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId);
        var sleeps = await h.DriveAsync(wait);
        await wait;

        sleeps.Should().Equal(Seconds(2.5, 5, 40));
    }

    [Fact]
    public async Task A_connection_failure_mid_wait_does_not_end_it()
    {
        using var h = new WaitHarness(maxRetries: 0, dropPolls: 2);
        h.Then("queued").Then("succeeded");

        var wait = h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId);
        var sleeps = await h.DriveAsync(wait);
        var done = await wait;

        done.Status.Should().Be(GenerationStatus.Succeeded);
        sleeps.Should().Equal(Seconds(2.5, 5, 7.5), "the dropped second poll was followed by the third at the next interval");
        h.Polls.Should().Be(2, "the dropped poll never reached the server");
    }

    [Fact]
    public async Task A_404_ends_the_wait_with_RivyaNotFoundException()
    {
        _h.Then("queued")
          .Then(Response.Create().WithStatusCode(404).WithBody("{\"error\":{\"code\":\"not_found\",\"message\":\"No such task.\"}}"))
          .Then("succeeded");

        var wait = _h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId);
        await _h.DriveAsync(wait);

        var thrown = await FluentActions.Awaiting(() => wait).Should().ThrowAsync<RivyaNotFoundException>();
        thrown.Which.ErrorCode.Should().Be("not_found");
        _h.Polls.Should().Be(2);
    }

    [Fact]
    public async Task A_403_ends_the_wait_with_its_exception()
    {
        _h.Then("queued")
          .Then(Response.Create().WithStatusCode(403).WithBody("{\"error\":{\"code\":\"api_scope_denied\",\"message\":\"generations:read is missing\"}}"))
          .Then("succeeded");

        var wait = _h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId);
        await _h.DriveAsync(wait);

        await FluentActions.Awaiting(() => wait).Should().ThrowAsync<RivyaPermissionDeniedException>();
        _h.Polls.Should().Be(2);
    }

    [Fact]
    public async Task An_unknown_status_keeps_the_wait_going()
    {
        _h.Then("queued").Then("rendering", 3).Then("succeeded");
        var progress = new RecordingProgress();

        var wait = _h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId, new WaitOptions { Progress = progress });
        await _h.DriveAsync(wait);
        var done = await wait;

        done.Status.Should().Be(GenerationStatus.Succeeded);
        progress.Statuses.Should().Equal("queued", "rendering", "succeeded");
        _h.Polls.Should().Be(5);
    }

    [Fact]
    public async Task Cancelling_mid_sleep_ends_the_wait_at_once_without_advancing_the_clock()
    {
        _h.Then("queued", 10);
        using var cts = new CancellationTokenSource();

        var wait = _h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId, cancellationToken: cts.Token);
        _h.Clock.Advance(await _h.Clock.NextTimerAsync(WaitHarness.IsPollSleep));
        (await _h.Clock.NextTimerAsync(WaitHarness.IsPollSleep)).Should().Be(TimeSpan.FromSeconds(5), "the second sleep has begun");
        var before = _h.Clock.GetUtcNow();
        cts.Cancel();

        var thrown = await FluentActions.Awaiting(() => wait.WaitAsync(Safety)).Should().ThrowAsync<OperationCanceledException>();
        thrown.Which.CancellationToken.Should().Be(cts.Token);
        _h.Clock.GetUtcNow().Should().Be(before);
        _h.Polls.Should().Be(1);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        _h.Then("succeeded");
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await FluentActions.Awaiting(() => _h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId, cancellationToken: cts.Token).Bound())
            .Should().ThrowAsync<OperationCanceledException>();
        _h.Polls.Should().Be(0);
    }

    [Fact]
    public async Task Infinite_timeout_waits_past_thirty_minutes_and_arms_no_deadline()
    {
        _h.Then("processing", 130).Then("succeeded");

        var wait = _h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId, new WaitOptions { Timeout = Timeout.InfiniteTimeSpan });
        await _h.DriveAsync(wait);
        var done = await wait;

        done.Status.Should().Be(GenerationStatus.Succeeded);
        _h.Elapsed.Should().BeGreaterThan(TimeSpan.FromMinutes(30));
        _h.Clock.AllTimers.Should().OnlyContain(t => t <= TimeSpan.FromSeconds(100), "no deadline timer is armed");
    }

    [Fact]
    public async Task The_default_timeout_is_armed_on_the_injected_clock()
    {
        _h.Then("succeeded");

        var wait = _h.Client.Generations.WaitForCompletionAsync(WaitHarness.TaskId);
        await _h.DriveAsync(wait);
        await wait;

        _h.Clock.AllTimers.Should().Contain(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task A_blank_id_is_refused_before_anything_is_sent()
    {
        await FluentActions.Awaiting(() => _h.Client.Generations.WaitForCompletionAsync(" ").Bound())
            .Should().ThrowAsync<ArgumentException>().WithParameterName("id");
        _h.Server.LogEntries.Should().BeEmpty();
    }

    private static TimeSpan[] Seconds(params double[] values) => values.Select(TimeSpan.FromSeconds).ToArray();
}
