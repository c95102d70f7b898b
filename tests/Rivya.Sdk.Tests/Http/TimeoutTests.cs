using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Polly.Timeout;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>
/// The per-attempt timeout. A hanging answer is a WireMock callback that never returns (until the test ends); the fake
/// clock fires the attempt timeout, so nothing here waits in real time.
/// </summary>
public sealed class TimeoutTests : WireMockTest
{
    private static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(100);

    [Fact]
    public async Task An_attempt_that_times_out_is_retried_after_the_backoff_and_the_second_attempt_succeeds()
    {
        var script = Script(CreatePath, ScriptStep.Hang(), ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client();

        var call = client.Generations.CreateAsync(TestRequests.Valid());
        await script.NextRequestAsync();
        var attemptTimeout = await Clock.NextTimerAsync();
        Clock.Advance(attemptTimeout);
        var backoff = await Clock.NextTimerAsync();
        Clock.Advance(backoff);
        var created = await call.Bound();

        created.Id.Should().Be("task_1");
        attemptTimeout.Should().Be(DefaultAttemptTimeout);
        backoff.Should().Be(TimeSpan.FromSeconds(1));
        script.Count.Should().Be(2);
        script.Requests.Select(r => r.Headers!["Idempotency-Key"].Single()).Distinct().Should().ContainSingle();
        Clock.AllTimers.Should().Equal(DefaultAttemptTimeout, TimeSpan.FromSeconds(1), DefaultAttemptTimeout);
    }

    [Fact]
    public async Task The_per_call_timeout_is_the_attempt_timeout()
    {
        var script = Script(GetPath(), ScriptStep.Hang());
        var client = Client(o => o.MaxRetries = 0);

        var call = client.Generations.GetAsync("task_1", new RequestOptions { Timeout = TimeSpan.FromSeconds(5) }, CancellationToken.None);
        await script.NextRequestAsync();
        var attemptTimeout = await Clock.NextTimerAsync();
        Clock.Advance(attemptTimeout);
        var exception = (await FluentActions.Awaiting(() => call.Bound()).Should().ThrowAsync<RivyaConnectionException>()).Which;

        attemptTimeout.Should().Be(TimeSpan.FromSeconds(5));
        exception.InnerException.Should().BeOfType<TimeoutRejectedException>();
        exception.Message.Should().Contain("timed out after 5 s");
    }

    [Fact]
    public async Task The_client_timeout_is_the_attempt_timeout_when_the_call_gives_none()
    {
        var script = Script(CreditsPath, ScriptStep.Hang());
        var client = Client(o =>
        {
            o.MaxRetries = 0;
            o.Timeout = TimeSpan.FromSeconds(20);
        });

        var call = client.Credits.GetBalanceAsync();
        await script.NextRequestAsync();
        var attemptTimeout = await Clock.NextTimerAsync();
        Clock.Advance(attemptTimeout);

        await FluentActions.Awaiting(() => call.Bound()).Should().ThrowAsync<RivyaConnectionException>();
        attemptTimeout.Should().Be(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Every_attempt_timing_out_gives_a_connection_exception_with_the_idempotency_key_and_the_timeout_inside()
    {
        var script = Script(CreatePath, ScriptStep.Hang());
        var client = Client(o => o.MaxRetries = 1);

        var call = client.Generations.CreateAsync(TestRequests.Valid(), new RequestOptions { IdempotencyKey = "order-5" });
        await script.NextRequestAsync();
        Clock.Advance(await Clock.NextTimerAsync());
        Clock.Advance(await Clock.NextTimerAsync());
        await script.NextRequestAsync();
        Clock.Advance(await Clock.NextTimerAsync());
        var exception = (await FluentActions.Awaiting(() => call.Bound()).Should().ThrowAsync<RivyaConnectionException>()).Which;

        exception.IdempotencyKey.Should().Be("order-5");
        exception.InnerException.Should().BeOfType<TimeoutRejectedException>();
        exception.Message.Should().Contain("2 attempts").And.Contain("order-5");
        script.Count.Should().Be(2);
        Clock.AllTimers.Should().Equal(DefaultAttemptTimeout, TimeSpan.FromSeconds(1), DefaultAttemptTimeout);
    }

    [Fact]
    public async Task An_infinite_timeout_arms_no_attempt_timer()
    {
        Script(CreditsPath, ScriptStep.Json(200, TestRequests.CreditsJson));
        var client = Client(o => o.Timeout = Timeout.InfiniteTimeSpan);

        var balance = await client.Credits.GetBalanceAsync().Bound();

        balance.CurrentCredits.Should().Be(123);
        Clock.AllTimers.Should().BeEmpty();
    }
}
