using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rivya.Sdk.Tests.Waiting;

public sealed class WatchAsyncTests : IDisposable
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(15);
    private readonly WaitHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Yields_each_distinct_status_once_including_the_first_and_ends_after_the_terminal_one()
    {
        _h.Then("queued", 2).Then("processing", 3).Then("succeeded");
        var progress = new RecordingProgress();

        var watch = Collect(_h.Client.Generations.WatchAsync(WaitHarness.TaskId, new WaitOptions { Progress = progress }));
        await _h.DriveAsync(watch);
        var updates = await watch;

        updates.Select(g => g.Status.ToString()).Should().Equal("queued", "processing", "succeeded");
        updates[^1].Result!.PrimaryUrl.Should().NotBeNull();
        progress.Statuses.Should().Equal("queued", "processing", "succeeded");
        _h.Polls.Should().Be(6);
    }

    [Fact]
    public async Task A_failed_task_is_yielded_not_thrown()
    {
        _h.Then("processing").Then(Response.Create().WithStatusCode(200).WithBody(WaitHarness.Task("failed", "generation_failed", "no")));

        var watch = Collect(_h.Client.Generations.WatchAsync(WaitHarness.TaskId));
        await _h.DriveAsync(watch);
        var updates = await watch;

        updates.Select(g => g.Status).Should().Equal(GenerationStatus.Processing, GenerationStatus.Failed);
        updates[^1].Error!.Code.Should().Be("generation_failed");
    }

    [Fact]
    public async Task A_timeout_is_thrown_while_enumerating()
    {
        _h.Then("processing", 1000);

        var watch = Collect(_h.Client.Generations.WatchAsync(WaitHarness.TaskId, new WaitOptions { Timeout = TimeSpan.FromMinutes(2) }));
        await _h.DriveAsync(watch);

        var thrown = await FluentActions.Awaiting(() => watch).Should().ThrowAsync<RivyaWaitTimeoutException>();
        thrown.Which.Generation!.Status.Should().Be(GenerationStatus.Processing);
    }

    [Fact]
    public async Task The_token_given_through_WithCancellation_cancels_mid_sleep()
    {
        _h.Then("queued", 100);
        using var cts = new CancellationTokenSource();
        var seen = new List<Generation>();

        var watch = Consume();
        _h.Clock.Advance(await _h.Clock.NextTimerAsync(WaitHarness.IsPollSleep));
        await _h.Clock.NextTimerAsync(WaitHarness.IsPollSleep);
        cts.Cancel();

        await FluentActions.Awaiting(() => watch.WaitAsync(Safety)).Should().ThrowAsync<OperationCanceledException>();
        seen.Select(g => g.Status).Should().Equal(GenerationStatus.Queued);

        async Task Consume()
        {
            await foreach (var g in _h.Client.Generations.WatchAsync(WaitHarness.TaskId).WithCancellation(cts.Token))
            {
                seen.Add(g);
            }
        }
    }

    [Fact]
    public void Bad_arguments_are_refused_at_the_call_not_at_the_first_MoveNext()
    {
        FluentActions.Invoking(() => _h.Client.Generations.WatchAsync(""))
            .Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => _h.Client.Generations.WatchAsync("task_1", new WaitOptions { PollInterval = TimeSpan.FromMinutes(1) }))
            .Should().Throw<ArgumentException>().WithParameterName("options");
    }

    private static async Task<List<Generation>> Collect(IAsyncEnumerable<Generation> source)
    {
        var list = new List<Generation>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
