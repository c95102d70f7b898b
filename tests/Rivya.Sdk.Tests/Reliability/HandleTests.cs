using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Reliability;

/// <summary>Every exception that leaves a create or a wait carries the task id (once known) and the create's key.</summary>
public sealed class HandleTests : WireMockTest
{
    private static readonly WaitOptions NoJitter = new() { Jitter = 0 };

    [Fact]
    public async Task A_fatal_poll_failure_inside_create_and_wait_carries_the_task_id_and_the_key()
    {
        var create = Script(CreatePath, ScriptStep.Json(201, TestRequests.TaskJson));
        Script(GetPath(), ScriptStep.Error(403, "api_scope_denied", "req_2"));
        var client = Client();

        var call = client.Generations.CreateAndWaitAsync(TestRequests.Valid(), NoJitter);
        Clock.Advance(await Clock.NextTimerAsync(t => t == TimeSpan.FromSeconds(2.5)));
        var exception = (await FluentActions.Awaiting(() => call.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<RivyaPermissionDeniedException>()).Which;

        exception.TaskId.Should().Be("task_1");
        exception.IdempotencyKey.Should().Be(create.Requests.Single().Headers!["Idempotency-Key"].Single()).And.NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_failed_create_inside_create_and_wait_carries_the_key_it_was_sent_with()
    {
        var create = Script(CreatePath, ScriptStep.Error(402, "insufficient_credits", "req_1"));
        var client = Client();

        var exception = (await FluentActions.Awaiting(() => client.Generations.CreateAndWaitAsync(TestRequests.Valid()).WaitAsync(TimeSpan.FromSeconds(30)))
            .Should().ThrowAsync<RivyaInsufficientCreditsException>()).Which;

        exception.TaskId.Should().BeNull("no task was made");
        exception.IdempotencyKey.Should().Be(create.Requests.Single().Headers!["Idempotency-Key"].Single());
    }

    [Fact]
    public async Task Cancelling_after_the_create_gives_an_operation_canceled_exception_with_the_task_id_and_key()
    {
        Script(CreatePath, ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client();
        using var cts = new CancellationTokenSource();

        var call = client.Generations.CreateAndWaitAsync(TestRequests.Valid(), NoJitter, new RequestOptions { IdempotencyKey = "order-9" }, cts.Token);
        await Clock.NextTimerAsync(t => t == TimeSpan.FromSeconds(2.5));
        await cts.CancelAsync();

        // The plain catch still works: it is an OperationCanceledException with the caller's token.
        var exception = (await FluentActions.Awaiting(() => call.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<OperationCanceledException>()).Which;
        exception.CancellationToken.Should().Be(cts.Token);
        var handles = exception.Should().BeOfType<RivyaOperationCanceledException>().Subject;
        handles.TaskId.Should().Be("task_1");
        handles.IdempotencyKey.Should().Be("order-9");
        handles.Message.Should().Contain("task_1");
        handles.InnerException.Should().NotBeNull().And.NotBeOfType<RivyaOperationCanceledException>("the inner exception is the original cancellation, not a copy of this one");
        handles.InnerException.Should().BeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public async Task Cancelling_a_create_mid_attempt_keeps_its_key()
    {
        Script(CreatePath, ScriptStep.Hang());
        var client = Client();
        using var cts = new CancellationTokenSource();

        var call = client.Generations.CreateAsync(TestRequests.Valid(), new RequestOptions { IdempotencyKey = "order-10" }, cts.Token);
        await Clock.NextTimerAsync(t => t == AttemptTimeout);
        await cts.CancelAsync();

        var exception = (await FluentActions.Awaiting(() => call.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<RivyaOperationCanceledException>()).Which;
        exception.TaskId.Should().BeNull();
        exception.IdempotencyKey.Should().Be("order-10");
        exception.CancellationToken.Should().Be(cts.Token);
        exception.InnerException.Should().BeAssignableTo<OperationCanceledException>().And.NotBeOfType<RivyaOperationCanceledException>();
    }

    [Fact]
    public void A_cancellation_wrapping_another_keeps_the_original_as_its_inner_exception()
    {
        using var cts = new CancellationTokenSource();
        var original = new TaskCanceledException("the first cancellation");
        var inner = new RivyaOperationCanceledException("task_1", null, cts.Token, original);

        var outer = new RivyaOperationCanceledException("task_1", "order-11", cts.Token, inner);

        outer.InnerException.Should().BeSameAs(original);
        outer.IdempotencyKey.Should().Be("order-11");
    }

    [Fact]
    public async Task Cancelling_a_wait_by_id_carries_the_id()
    {
        var client = Client();
        using var cts = new CancellationTokenSource();

        var call = client.Generations.WaitForCompletionAsync("task_7", NoJitter, cts.Token);
        await Clock.NextTimerAsync(t => t == TimeSpan.FromSeconds(2.5));
        await cts.CancelAsync();

        var exception = (await FluentActions.Awaiting(() => call.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<RivyaOperationCanceledException>()).Which;
        exception.TaskId.Should().Be("task_7");
        exception.IdempotencyKey.Should().BeNull();
    }

    [Fact]
    public async Task Progress_learns_the_created_task_before_the_first_sleep()
    {
        Script(CreatePath, ScriptStep.Json(201, TestRequests.TaskJson));
        Script(GetPath(), ScriptStep.Json(200, """{"id":"task_1","status":"succeeded"}"""));
        var client = Client();
        var seen = new SynchronousProgress();

        var call = client.Generations.CreateAndWaitAsync(TestRequests.Valid(), NoJitter with { Progress = seen });
        var firstSleep = await Clock.NextTimerAsync(t => t == TimeSpan.FromSeconds(2.5));
        var seenBeforeTheSleep = seen.Reports.ToList();
        Clock.Advance(firstSleep);
        await call.WaitAsync(TimeSpan.FromSeconds(30));

        seenBeforeTheSleep.Should().ContainSingle().Which.Status.Should().Be(GenerationStatus.Queued);
        seenBeforeTheSleep[0].Id.Should().Be("task_1");
    }

    [Fact]
    public async Task A_poll_answered_unreadably_after_its_retries_does_not_end_the_wait()
    {
        Script(CreatePath, ScriptStep.Json(201, TestRequests.TaskJson));
        Script(GetPath(), ScriptStep.Json(200, """{"id":"task_1","sta"""), ScriptStep.Json(200, """{"id":"task_1","status":"succeeded"}"""));
        var client = Client(o => o.MaxRetries = 0);

        var call = client.Generations.CreateAndWaitAsync(TestRequests.Valid(), NoJitter);
        Clock.Advance(await Clock.NextTimerAsync(t => t == TimeSpan.FromSeconds(2.5)));
        Clock.Advance(await Clock.NextTimerAsync(t => t == TimeSpan.FromSeconds(5)));
        var done = await call.WaitAsync(TimeSpan.FromSeconds(30));

        done.Status.Should().Be(GenerationStatus.Succeeded);
    }

    private sealed class SynchronousProgress : IProgress<Generation>
    {
        private readonly List<Generation> _reports = [];

        public IReadOnlyList<Generation> Reports
        {
            get
            {
                lock (_reports)
                {
                    return [.. _reports];
                }
            }
        }

        public void Report(Generation value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }
    }
}
