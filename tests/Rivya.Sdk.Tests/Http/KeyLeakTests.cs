using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>
/// The error and retry scenarios, run with Trace logging and a span listener; every log line, exception (inner ones
/// included), span tag and the options' ToString() is scanned for the key. Servers that echo the key back prove the
/// scan would see a leak: the test first checks the key really was in what the server sent.
/// </summary>
public sealed class KeyLeakTests : WireMockTest
{
    private const string Key = TestKeys.ApiKey;


    [Fact]
    public void The_scan_finds_the_whole_key_and_any_long_piece_of_it()
    {
        new LeakScan(Key).Add("whole", "Bearer " + Key).Leaks().Should().ContainSingle();
        new LeakScan(Key).Add("cut", "... " + Key[..22] + "…").Leaks().Should().ContainSingle();
        new LeakScan(Key).Add("tail", Key[^14..]).Leaks().Should().ContainSingle();
        new LeakScan(Key).Add("prefix only", "rvya_sk_test_").Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task A_401_whose_message_echoes_the_key()
    {
        Echo(CreditsPath, 401, key => ErrorBodies.Json("api_key_invalid", $"the key {key} is not valid", "req_401"));
        using var recorder = new ActivityRecorder();
        var client = Client();

        var exception = await CatchAsync(() => client.Credits.GetBalanceAsync()).Bound();

        exception.Should().BeOfType<RivyaAuthenticationException>();
        ServerSentTheKey();
        Scan(exception, recorder).ShouldBeClean();
    }

    [Fact]
    public async Task A_json_error_that_puts_the_key_in_every_field()
    {
        Echo(CreditsPath, 400, key => ErrorBodies.Json(key, key, key));
        using var recorder = new ActivityRecorder();
        var client = Client();

        var exception = await CatchAsync(() => client.Credits.GetBalanceAsync()).Bound();

        exception.Should().BeAssignableTo<RivyaApiException>();
        ServerSentTheKey();
        Scan(exception, recorder).ShouldBeClean();
    }

    [Fact]
    public async Task A_429_with_a_long_retry_after()
    {
        Echo(CreditsPath, 429, key => ErrorBodies.Json("rate_limited", "slow down, " + key, "req_429"), ("Retry-After", "3600"));
        using var recorder = new ActivityRecorder();
        var client = Client();

        var exception = await CatchAsync(() => client.Credits.GetBalanceAsync()).Bound();

        exception.Should().BeOfType<RivyaRateLimitException>();
        ServerSentTheKey();
        Logs.WithEventId(4).Should().ContainSingle();
        Scan(exception, recorder).ShouldBeClean();
    }

    [Fact]
    public async Task An_html_502_echoing_the_request_headers_through_every_retry()
    {
        Echo(CreditsPath, 502, key => $"<html><body><h1>502 Bad Gateway</h1><pre>Authorization: Bearer {key}</pre></body></html>", ("Content-Type", "text/html"));
        using var recorder = new ActivityRecorder();
        var client = Client();

        var call = client.Credits.GetBalanceAsync();
        Clock.Advance(await Clock.NextSleepAsync());
        Clock.Advance(await Clock.NextSleepAsync());
        var exception = await CatchAsync(() => call).Bound();

        exception.Should().BeOfType<RivyaServerException>();
        Received.Should().HaveCount(3);
        ServerSentTheKey();
        Logs.WithEventId(3).Should().HaveCount(2);
        Scan(exception, recorder).ShouldBeClean();
    }

    // The excerpt keeps 200 characters: with these fillers it would end inside the key.
    [Theory]
    [InlineData(160)]
    [InlineData(170)]
    [InlineData(185)]
    public async Task A_non_json_body_with_the_key_where_the_excerpt_is_cut(int fillerLength)
    {
        Echo(CreditsPath, 500, key => new string('a', fillerLength) + key + " trailing text", ("Content-Type", "text/plain"));
        using var recorder = new ActivityRecorder();
        var client = Client(o => o.MaxRetries = 0);

        var exception = await CatchAsync(() => client.Credits.GetBalanceAsync()).Bound();

        exception.Should().BeOfType<RivyaServerException>();
        ServerSentTheKey();
        Scan(exception, recorder).ShouldBeClean();
    }

    [Fact]
    public async Task A_non_json_body_whose_key_sits_after_much_whitespace()
    {
        Echo(CreditsPath, 500, key => "start" + new string(' ', 20_000) + key, ("Content-Type", "text/plain"));
        using var recorder = new ActivityRecorder();
        var client = Client(o => o.MaxRetries = 0);

        var exception = await CatchAsync(() => client.Credits.GetBalanceAsync()).Bound();

        ServerSentTheKey();
        Scan(exception, recorder).ShouldBeClean();
    }

    [Fact]
    public async Task A_malformed_2xx_echoing_the_key()
    {
        Echo(CreatePath, 201, key => $$"""{"id":"task_1","status":{{key}}""", ("Content-Type", "application/json"));
        using var recorder = new ActivityRecorder();
        var client = Client(o => o.MaxRetries = 0); // an unreadable 2xx of a create with a key is retried; one answer is enough here

        var exception = await CatchAsync(() => client.Generations.CreateAsync(TestRequests.Valid())).Bound();

        exception.Should().BeOfType<RivyaApiException>();
        ServerSentTheKey();
        Scan(exception, recorder).ShouldBeClean();
    }

    [Fact]
    public async Task An_allow_listed_response_header_echoing_the_key()
    {
        Echo(CreditsPath, 200, _ => TestRequests.CreditsJson, ("Content-Type", "application/json"), ("X-Request-Id", Key));
        using var recorder = new ActivityRecorder();
        var client = Client();

        await client.Credits.GetBalanceAsync().Bound();

        Server.LogEntries.Single().ResponseMessage!.Headers!["X-Request-Id"].Should().Contain(Key, "the server really sent the key in a logged header");
        Logs.WithEventId(6).Should().Contain(r => (string)r["Header"]! == "X-Request-Id");
        Scan(null, recorder).ShouldBeClean();
    }

    [Fact]
    public async Task A_refused_connection_through_every_retry()
    {
        using var recorder = new ActivityRecorder();
        var client = Client(o => o.BaseAddress = Loopback.ClosedAddress());

        var call = client.Credits.GetBalanceAsync();
        Clock.Advance(await Clock.NextSleepAsync());
        Clock.Advance(await Clock.NextSleepAsync());
        var exception = await CatchAsync(() => call).Bound();

        exception.Should().BeOfType<RivyaConnectionException>();
        Scan(exception, recorder).ShouldBeClean();
    }

    [Fact]
    public async Task Every_attempt_timing_out()
    {
        var script = Script(CreatePath, ScriptStep.Hang());
        using var recorder = new ActivityRecorder();
        var client = Client(o => o.MaxRetries = 1);

        var call = client.Generations.CreateAsync(TestRequests.Valid());
        await script.NextRequestAsync();
        Clock.Advance(await Clock.NextTimerAsync());
        Clock.Advance(await Clock.NextTimerAsync());
        await script.NextRequestAsync();
        Clock.Advance(await Clock.NextTimerAsync());
        var exception = await CatchAsync(() => call).Bound();

        exception.Should().BeOfType<RivyaConnectionException>();
        script.Requests.Should().OnlyContain(r => r.Headers!["Authorization"].Single() == "Bearer " + Key);
        Scan(exception, recorder).ShouldBeClean();
    }

    [Fact]
    public async Task A_successful_call_at_trace_level()
    {
        Script(CreditsPath, ScriptStep.Json(200, TestRequests.CreditsJson));
        using var recorder = new ActivityRecorder();
        var client = Client();

        await client.Credits.GetBalanceAsync().Bound();

        Received.Single().Headers!["Authorization"].Single().Should().Be("Bearer " + Key);
        Scan(null, recorder).ShouldBeClean();
    }

    private void Echo(WireMock.RequestBuilders.IRequestBuilder path, int status, Func<string, string> body, params (string Name, string Value)[] headers) =>
        Server.Given(path).RespondWith(Response.Create().WithCallback(request =>
        {
            var authorization = request.Headers!["Authorization"].Single();
            var message = new ResponseMessage
            {
                StatusCode = status,
                BodyData = new BodyData { BodyAsString = body(authorization["Bearer ".Length..]), DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
            };
            foreach (var (name, value) in headers)
            {
                message.AddHeader(name, value);
            }

            return message;
        }));

    /// <summary>The scan is only meaningful if the key was really in what came back.</summary>
    private void ServerSentTheKey() =>
        Server.LogEntries.Should().Contain(e => e.ResponseMessage!.BodyData!.BodyAsString!.Contains(Key), "the server echoed the key, so a leak was possible");

    private static async Task<Exception> CatchAsync(Func<Task> call)
    {
        var assertion = await FluentActions.Awaiting(call).Should().ThrowAsync<Exception>().Bound();
        return assertion.Which;
    }

    private LeakScan Scan(Exception? exception, ActivityRecorder recorder)
    {
        recorder.Stopped.Should().NotBeEmpty("the scan must see the spans");
        Logs.Records.Should().NotBeEmpty("the scan must see the log lines");
        return new LeakScan(Key)
            .AddException(exception)
            .AddLogs(Logs)
            .AddActivities(recorder.Stopped)
            .Add("options", Options().ToString());
    }
}
