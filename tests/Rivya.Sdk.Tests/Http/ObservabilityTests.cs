using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>One log line per attempt and per retry decision; a span per call with a child per attempt.</summary>
public sealed class ObservabilityTests : WireMockTest
{
    private const int AttemptCompleted = 1;
    private const int AttemptFailed = 2;
    private const int Retrying = 3;
    private const int RetryAfterTooLong = 4;
    private const int ResponseHeader = 6;

    [Fact]
    public async Task A_retried_call_logs_each_attempt_and_the_retry_decision_in_order()
    {
        Script(CreatePath, ScriptStep.Error(503, "public_api_disabled", "req_1"), ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client();

        var call = client.Generations.CreateAsync(TestRequests.Valid());
        Clock.Advance(await Clock.NextSleepAsync());
        await call.Bound();

        var lines = Logs.Records.Where(r => r.EventId.Id is AttemptCompleted or AttemptFailed or Retrying).ToList();
        lines.Select(r => r.EventId.Id).Should().Equal(AttemptCompleted, Retrying, AttemptCompleted);

        var first = lines[0];
        first.Level.Should().Be(LogLevel.Debug);
        (first["Method"], first["Path"], first["StatusCode"], first["Attempt"], first["RequestId"])
            .Should().Be(("POST", "/api/v1/generations", 503, 1, "req_1"));
        first["ElapsedMs"].Should().BeOfType<double>();

        lines[2]["RequestId"].Should().Be("none", "a success carries no error body, and this server sent no X-Request-Id");

        var retry = lines[1];
        retry.Level.Should().Be(LogLevel.Information);
        (retry["DelayMs"], retry["Retry"], retry["MaxRetries"]).Should().Be((1000d, 1, 2));
        retry["Reason"].Should().BeOfType<string>().Which.Should().Contain("503");
        retry.Message.Should().Contain("retrying in 1000 ms");

        (lines[2]["StatusCode"], lines[2]["Attempt"]).Should().Be((201, 2));
    }

    [Fact]
    public async Task A_failed_attempt_logs_why_and_the_retry_logs_the_reason()
    {
        var client = Client(o =>
        {
            o.BaseAddress = Loopback.ClosedAddress();
            o.MaxRetries = 1;
        });

        var call = client.Credits.GetBalanceAsync();
        Clock.Advance(await Clock.NextSleepAsync());
        await FluentActions.Awaiting(() => call.Bound()).Should().ThrowAsync<RivyaConnectionException>();

        Logs.Records.Where(r => r.EventId.Id is AttemptFailed or Retrying).Select(r => r.EventId.Id)
            .Should().Equal(AttemptFailed, Retrying, AttemptFailed);
        Logs.WithEventId(AttemptFailed)[0]["Failure"].Should().BeOfType<string>().Which.Should().Contain("HttpRequestException");
        Logs.WithEventId(Retrying).Single()["Reason"].Should().BeOfType<string>().Which.Should().Contain("HttpRequestException");
    }

    [Fact]
    public async Task Refusing_a_long_retry_after_is_logged_as_a_warning()
    {
        Script(CreditsPath, ScriptStep.Error(429, "rate_limited", "req_1", ("Retry-After", "3600")));
        var client = Client();

        await FluentActions.Awaiting(() => client.Credits.GetBalanceAsync().Bound()).Should().ThrowAsync<RivyaRateLimitException>();

        var warning = Logs.WithEventId(RetryAfterTooLong).Should().ContainSingle().Which;
        warning.Level.Should().Be(LogLevel.Warning);
        (warning["RetryAfterMs"], warning["MaxRetryAfterMs"]).Should().Be((3_600_000d, 60_000d));
        Logs.WithEventId(Retrying).Should().BeEmpty();
    }

    [Fact]
    public async Task Only_allow_listed_response_headers_are_logged_at_trace()
    {
        Script(CreditsPath, ScriptStep.Json(200, TestRequests.CreditsJson, ("X-Request-Id", "req_h"), ("Set-Cookie", "session=secret"), ("X-Internal-Node", "n-7")));
        var client = Client();

        await client.Credits.GetBalanceAsync().Bound();

        var headers = Logs.WithEventId(ResponseHeader);
        headers.Should().OnlyContain(r => r.Level == LogLevel.Trace);
        headers.Select(r => (string)r["Header"]!).Should().Contain(["X-Request-Id", "Content-Type"]).And.NotContain(["Set-Cookie", "X-Internal-Node"]);
        headers.Single(r => (string)r["Header"]! == "X-Request-Id")["Value"].Should().Be("req_h");
        Logs.Records.Should().NotContain(r => r.Message.Contains("session=secret"));
    }

    [Fact]
    public async Task A_call_is_one_span_with_a_child_span_per_attempt()
    {
        using var recorder = new ActivityRecorder();
        Script(CreatePath, ScriptStep.Error(503, "public_api_disabled", "req_1"), ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client();

        var call = client.Generations.CreateAsync(TestRequests.Valid(), new RequestOptions { IdempotencyKey = "order-3" });
        Clock.Advance(await Clock.NextSleepAsync());
        await call.Bound();

        var span = recorder.Calls.Should().ContainSingle().Which;
        span.Source.Name.Should().Be("Rivya.Sdk");
        span.DisplayName.Should().Be("Rivya generations.create");
        span.Kind.Should().Be(ActivityKind.Client);
        span.GetTagItem("rivya.operation").Should().Be("generations.create");
        span.GetTagItem("http.request.method").Should().Be("POST");
        span.GetTagItem("url.path").Should().Be("/api/v1/generations");
        span.GetTagItem("rivya.idempotency_key").Should().Be("order-3");
        span.GetTagItem("http.response.status_code").Should().Be(201);

        var attempts = recorder.AttemptsOf(span);
        attempts.Should().HaveCount(2);
        attempts.Select(a => a.GetTagItem("rivya.attempt")).Should().Equal(1, 2);
        attempts.Select(a => a.GetTagItem("http.response.status_code")).Should().Equal(503, 201);
        attempts.Select(a => a.GetTagItem("rivya.error_code")).Should().Equal(new object?[] { "public_api_disabled", null });
        attempts[0].Status.Should().Be(ActivityStatusCode.Error);
        attempts[1].Status.Should().NotBe(ActivityStatusCode.Error);
    }

    [Fact]
    public async Task A_failed_call_span_carries_the_error()
    {
        using var recorder = new ActivityRecorder();
        Script(GetPath(), ScriptStep.Error(404, "not_found", "req_1"));
        var client = Client();

        await FluentActions.Awaiting(() => client.Generations.GetAsync("task_1").Bound()).Should().ThrowAsync<RivyaNotFoundException>();

        var span = recorder.Calls.Should().ContainSingle().Which;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("http.response.status_code").Should().Be(404);
        span.GetTagItem("rivya.error_code").Should().Be("not_found");
        recorder.AttemptsOf(span).Should().ContainSingle();
    }

    [Fact]
    public async Task An_attempt_without_an_answer_records_the_failure_type()
    {
        using var recorder = new ActivityRecorder();
        var client = Client(o =>
        {
            o.BaseAddress = Loopback.ClosedAddress();
            o.MaxRetries = 0;
        });

        await FluentActions.Awaiting(() => client.Credits.GetBalanceAsync().Bound()).Should().ThrowAsync<RivyaConnectionException>();

        var span = recorder.Calls.Should().ContainSingle().Which;
        var attempt = recorder.AttemptsOf(span).Should().ContainSingle().Which;
        attempt.GetTagItem("error.type").Should().Be("HttpRequestException");
        attempt.Status.Should().Be(ActivityStatusCode.Error);
        span.Status.Should().Be(ActivityStatusCode.Error);
    }
}
