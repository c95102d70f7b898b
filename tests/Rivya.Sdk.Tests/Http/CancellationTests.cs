using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>
/// The caller's token ends the call at once, whether it is waiting for an answer or sleeping before a retry. The
/// fake clock is never advanced here: a call that still waited for its timer could only end by the safety limit.
/// </summary>
public sealed class CancellationTests : WireMockTest
{
    private static readonly TimeSpan SafetyLimit = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Cancelling_during_the_backoff_ends_the_call_with_operation_canceled_after_one_request()
    {
        var script = Script(CreatePath, ScriptStep.Error(503, "public_api_disabled", "req_1"), ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client();
        using var cts = new CancellationTokenSource();

        var call = client.Generations.CreateAsync(TestRequests.Valid(), cts.Token);
        var backoff = await Clock.NextSleepAsync();
        cts.Cancel();

        (await FluentActions.Awaiting(() => call.WaitAsync(SafetyLimit)).Should().ThrowAsync<OperationCanceledException>())
            .Which.CancellationToken.Should().Be(cts.Token, "the caller's own token is the one cancelled");
        backoff.Should().Be(TimeSpan.FromSeconds(1));
        script.Count.Should().Be(1);
    }

    [Fact]
    public async Task Cancelling_while_the_server_has_not_answered_ends_the_call_without_a_retry()
    {
        var script = Script(GetPath(), ScriptStep.Hang(), ScriptStep.Json(200, TestRequests.TaskJson));
        var client = Client();
        using var cts = new CancellationTokenSource();

        var call = client.Generations.GetAsync("task_1", cts.Token);
        await script.NextRequestAsync();
        cts.Cancel();

        (await FluentActions.Awaiting(() => call.WaitAsync(SafetyLimit)).Should().ThrowAsync<OperationCanceledException>())
            .Which.CancellationToken.Should().Be(cts.Token, "the caller's own token is the one cancelled");
        script.Count.Should().Be(1);
        Clock.AllTimers.Should().Equal(TimeSpan.FromSeconds(100));
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var script = Script(CreditsPath, ScriptStep.Json(200, TestRequests.CreditsJson));
        var client = Client();

        await FluentActions.Awaiting(() => client.Credits.GetBalanceAsync(new CancellationToken(canceled: true)).Bound())
            .Should().ThrowAsync<OperationCanceledException>();

        script.Count.Should().Be(0);
    }
}
