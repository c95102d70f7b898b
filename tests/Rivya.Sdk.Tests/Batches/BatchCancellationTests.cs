using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Batches;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Batches;

/// <summary>
/// Cancelling a batch, or leaving its enumeration early, ends it within <see cref="BatchRunner.CreateGrace"/> of the client's
/// clock whatever the per-attempt <c>Timeout</c>: a create that never answers is abandoned after the grace and reported
/// with its key. Raw loopback servers; the fake clock moves only when the test moves it.
/// </summary>
public sealed class BatchCancellationTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    public async Task A_cancelled_batch_abandons_a_create_that_never_answers_after_the_grace_and_reports_its_key(int timeoutSeconds)
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new HostileServer(async (_, _, ct) =>
        {
            received.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        var clock = new TestClock();
        using var client = Client(server, clock, timeoutSeconds < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(timeoutSeconds));
        using var cancel = new CancellationTokenSource();
        var results = new List<BatchItemResult>();

        var run = Task.Run(async () =>
        {
            await foreach (var item in client.Generations.CreateAndWaitManyAsync(TestRequestsFor(1), new BatchOptions { Wait = Wait }, cancel.Token))
            {
                results.Add(item);
            }
        });
        await received.Task.WaitAsync(Bound);
        cancel.Cancel();
        await clock.NextTimerAsync(due => due == BatchRunner.CreateGrace).WaitAsync(Bound);
        run.IsCompleted.Should().BeFalse("the create still has its grace to bring back a task id");
        clock.Advance(BatchRunner.CreateGrace);
        await run.WaitAsync(Bound);

        var item = results.Should().ContainSingle().Which;
        item.Error.Should().BeOfType<RivyaBatchCanceledException>();
        item.Error!.TaskId.Should().BeNull();
        item.Error.IdempotencyKey.Should().Be(item.IdempotencyKey).And.StartWith("batch-");
        server.Requests.Should().ContainSingle("nothing new starts after the cancel");
    }

    [Fact]
    public async Task Leaving_the_enumeration_early_ends_a_create_in_flight_within_the_grace()
    {
        var slowReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new HostileServer(async (request, stream, ct) =>
        {
            if (Encoding.UTF8.GetString(request.Body).Contains("item 0", StringComparison.Ordinal))
            {
                await HostileServer.WriteAsync(stream, "HTTP/1.1 201 Created\r\nContent-Type: application/json", Encoding.UTF8.GetBytes(TestRequests.TaskJson.Replace("queued", "succeeded", StringComparison.Ordinal)), ct);
                return;
            }

            slowReceived.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        var clock = new TestClock();
        using var client = Client(server, clock, Timeout.InfiniteTimeSpan);
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = Task.Run(async () =>
        {
            await foreach (var item in client.Generations.CreateAndWaitManyAsync(TestRequestsFor(2), new BatchOptions { MaxConcurrency = 2, Wait = Wait }))
            {
                firstArrived.TrySetResult();
                break;
            }
        });
        await Task.WhenAll(firstArrived.Task, slowReceived.Task).WaitAsync(Bound);
        await clock.NextTimerAsync(due => due == BatchRunner.CreateGrace).WaitAsync(Bound);
        clock.Advance(BatchRunner.CreateGrace);

        await run.WaitAsync(Bound);
        server.Requests.Should().HaveCount(2);
    }

    private static readonly WaitOptions Wait = new() { InitialDelay = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromSeconds(1), Jitter = 0, Timeout = Timeout.InfiniteTimeSpan };

    private static List<GenerationRequest> TestRequestsFor(int count) =>
        Enumerable.Range(0, count).Select(i => new GenerationRequest { Prompt = "item " + i, Params = new Kling26Params { Duration = 5 } }).ToList();

    private static RivyaClient Client(HostileServer server, TestClock clock, TimeSpan timeout) => new(new RivyaClientOptions
    {
        ApiKey = TestKeys.ApiKey,
        BaseAddress = server.BaseAddress,
        TimeProvider = clock,
        JitterSource = () => 0.5,
        Timeout = timeout,
    });
}
