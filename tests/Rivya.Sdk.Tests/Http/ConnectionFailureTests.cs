using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>No answer at all: a port where nothing listens, a connection closed without a word.</summary>
public sealed class ConnectionFailureTests : WireMockTest
{

    [Fact]
    public async Task A_refused_connection_is_retried_then_gives_a_connection_exception_with_the_http_error_inside()
    {
        var client = Client(o => o.BaseAddress = Loopback.ClosedAddress());

        var call = client.Generations.CreateAsync(TestRequests.Valid(), new RequestOptions { IdempotencyKey = "order-1" });
        var first = await Clock.NextSleepAsync();
        Clock.Advance(first);
        var second = await Clock.NextSleepAsync();
        Clock.Advance(second);
        var exception = (await FluentActions.Awaiting(() => call.Bound()).Should().ThrowAsync<RivyaConnectionException>()).Which;

        exception.InnerException.Should().BeAssignableTo<HttpRequestException>();
        exception.IdempotencyKey.Should().Be("order-1");
        exception.Message.Should().Contain("3 attempts");
        (first, second).Should().Be((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
        Logs.WithEventId(2).Select(r => r["Attempt"]).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task A_refused_connection_with_max_retries_0_fails_after_one_attempt()
    {
        var client = Client(o =>
        {
            o.BaseAddress = Loopback.ClosedAddress();
            o.MaxRetries = 0;
        });

        var exception = (await FluentActions.Awaiting(() => client.Credits.GetBalanceAsync().Bound()).Should().ThrowAsync<RivyaConnectionException>()).Which;

        exception.InnerException.Should().BeAssignableTo<HttpRequestException>();
        exception.IdempotencyKey.Should().BeNull();
        exception.Message.Should().Contain("1 attempt");
        Logs.WithEventId(2).Should().ContainSingle();
    }

    [Theory]
    [InlineData(DropMode.MidHeaders)]
    [InlineData(DropMode.MidBody)]
    public async Task A_connection_dropped_mid_answer_is_retried(DropMode mode)
    {
        using var server = new DroppingServer(dropCount: 1, mode, TestRequests.CreditsJson);
        var client = Client(o => o.BaseAddress = server.BaseAddress);

        var call = client.Credits.GetBalanceAsync();
        var backoff = await Clock.NextSleepAsync();
        Clock.Advance(backoff);
        var balance = await call.Bound();

        balance.CurrentCredits.Should().Be(123);
        backoff.Should().Be(TimeSpan.FromSeconds(1));
        server.Requests.Should().Be(2);
        Logs.WithEventId(2).Should().ContainSingle().Which["Failure"].Should().BeOfType<string>()
            .Which.Should().ContainAny("HttpRequestException", "IOException");
    }

    [Fact]
    public async Task Connections_dropped_every_time_give_a_connection_exception_after_every_retry()
    {
        using var server = new DroppingServer(dropCount: int.MaxValue, DropMode.BeforeAnswer, TestRequests.CreditsJson);
        var client = Client(o => o.BaseAddress = server.BaseAddress);

        var call = client.Credits.GetBalanceAsync();
        Clock.Advance(await Clock.NextSleepAsync());
        Clock.Advance(await Clock.NextSleepAsync());
        var exception = (await FluentActions.Awaiting(() => call.Bound()).Should().ThrowAsync<RivyaConnectionException>()).Which;

        exception.InnerException.Should().BeAssignableTo<HttpRequestException>();
        Logs.WithEventId(2).Select(r => r["Attempt"]).Should().Equal(1, 2, 3);
        // SocketsHttpHandler re-sends a request whose connection closed before any byte of answer, so the server
        // sees more requests than the SDK made attempts.
        server.Requests.Should().BeGreaterThanOrEqualTo(3);
    }
}
