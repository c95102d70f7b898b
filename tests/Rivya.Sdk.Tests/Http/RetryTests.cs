using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Rivya.Sdk.Http;
using Rivya.Sdk.Serialization;
using Rivya.Sdk.Tests.Support;
using WireMock.RequestBuilders;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>
/// What is retried, how often and after how long. Clients here pin the jitter at 0.5 (backoff exactly 1 s, 2 s, ...)
/// unless a test says otherwise; every schedule is read off the fake clock's timers.
/// </summary>
public sealed class RetryTests : WireMockTest
{

    [Fact]
    public async Task A_503_then_201_on_a_create_is_two_requests_with_one_idempotency_key_after_a_1_s_backoff()
    {
        var script = Script(CreatePath, ScriptStep.Error(503, "public_api_disabled", "req_1"), ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client();

        var call = client.Generations.CreateAsync(TestRequests.Valid());
        var backoff = await Clock.NextSleepAsync();
        Clock.Advance(backoff);
        var created = await call.Bound();

        created.Id.Should().Be("task_1");
        backoff.Should().Be(TimeSpan.FromSeconds(1));
        script.Count.Should().Be(2);
        var keys = script.Requests.Select(r => r.Headers!["Idempotency-Key"].Single()).ToList();
        keys.Should().HaveCount(2).And.OnlyContain(k => k == keys[0]);
        keys[0].Should().NotBeNullOrWhiteSpace();
        Guid.TryParse(keys[0], out _).Should().BeTrue("the SDK makes a fresh GUID key per create");
        script.Requests.Select(r => r.Body).Distinct().Should().ContainSingle("the retry re-sends the very body the key was first used with");
    }

    [Fact]
    public async Task Two_creates_get_two_different_keys()
    {
        var script = Script(CreatePath, ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client();

        await client.Generations.CreateAsync(TestRequests.Valid()).Bound();
        await client.Generations.CreateAsync(TestRequests.Valid()).Bound();

        script.Requests.Select(r => r.Headers!["Idempotency-Key"].Single()).Distinct().Should().HaveCount(2);
    }

    [Fact]
    public async Task The_callers_idempotency_key_is_sent_on_every_attempt()
    {
        var script = Script(CreatePath, ScriptStep.Error(503, "public_api_disabled", "req_1"), ScriptStep.Error(502, "bad_gateway", "req_2"), ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client();

        var call = client.Generations.CreateAsync(TestRequests.Valid(), new RequestOptions { IdempotencyKey = "order-123" });
        Clock.Advance(await Clock.NextSleepAsync());
        Clock.Advance(await Clock.NextSleepAsync());
        await call.Bound();

        script.Requests.Select(r => r.Headers!["Idempotency-Key"].Single()).Should().Equal("order-123", "order-123", "order-123");
    }

    [Fact]
    public async Task A_400_is_exactly_one_request()
    {
        var script = Script(CreatePath, ScriptStep.Error(400, "validation_failed", "req_1"), ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client();

        await FluentActions.Awaiting(() => client.Generations.CreateAsync(TestRequests.Valid()).Bound()).Should().ThrowExactlyAsync<RivyaApiException>();

        script.Count.Should().Be(1);
        Clock.AllSleeps.Should().BeEmpty();
    }

    [Theory]
    [InlineData(401, "api_key_invalid")]
    [InlineData(403, "api_scope_denied")]
    [InlineData(404, "not_found")]
    [InlineData(409, "idempotency_conflict")]
    [InlineData(422, "unprocessable")]
    [InlineData(402, "insufficient_credits")]
    public async Task Other_4xx_are_never_retried(int status, string code)
    {
        var script = Script(GetPath(), ScriptStep.Error(status, code, "req_1"), ScriptStep.Json(200, TestRequests.TaskJson));
        var client = Client();

        var exception = await FluentActions.Awaiting(() => client.Generations.GetAsync("task_1").Bound()).Should().ThrowAsync<RivyaApiException>();

        exception.Which.StatusCode.Should().Be((HttpStatusCode)status);
        script.Count.Should().Be(1);
        Clock.AllSleeps.Should().BeEmpty();
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_statuses_are_retried(int status)
    {
        var script = Script(GetPath(), ScriptStep.Error(status, "transient", "req_1"), ScriptStep.Json(200, TestRequests.TaskJson));
        var client = Client();

        var call = client.Generations.GetAsync("task_1");
        var backoff = await Clock.NextSleepAsync();
        Clock.Advance(backoff);
        var task = await call.Bound();

        task.Id.Should().Be("task_1");
        backoff.Should().Be(TimeSpan.FromSeconds(1));
        script.Count.Should().Be(2);
    }

    [Fact]
    public async Task A_429_with_retry_after_2_waits_exactly_2_s_then_succeeds()
    {
        var script = Script(CreatePath, ScriptStep.Error(429, "rate_limited", "req_1", ("Retry-After", "2")), ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client();

        var call = client.Generations.CreateAsync(TestRequests.Valid());
        var wait = await AdvancePastNextBackoffAsync();
        var created = await call.Bound();

        wait.Should().Be(TimeSpan.FromSeconds(2));
        created.Id.Should().Be("task_1");
        script.Count.Should().Be(2);
    }

    [Fact]
    public async Task A_429_with_retry_after_3600_fails_at_once_with_retry_after_set_and_no_sleep()
    {
        var script = Script(CreatePath, ScriptStep.Error(429, "rate_limited", "req_1", ("Retry-After", "3600")), ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client();

        var exception = (await FluentActions.Awaiting(() => client.Generations.CreateAsync(TestRequests.Valid(), new RequestOptions { IdempotencyKey = "order-9" }).Bound())
            .Should().ThrowAsync<RivyaRateLimitException>()).Which;

        exception.RetryAfter.Should().Be(TimeSpan.FromSeconds(3600));
        exception.ErrorCode.Should().Be("rate_limited");
        exception.IdempotencyKey.Should().Be("order-9");
        exception.Message.Should().Contain("3600");
        script.Count.Should().Be(1);
        Clock.AllTimers.Should().Equal(AttemptTimeout);
    }

    [Fact]
    public async Task A_retry_after_at_the_cap_is_still_honoured()
    {
        var script = Script(GetPath(), ScriptStep.Error(503, "public_api_disabled", "req_1", ("Retry-After", "60")), ScriptStep.Json(200, TestRequests.TaskJson));
        var client = Client();

        var call = client.Generations.GetAsync("task_1");
        var wait = await AdvancePastNextBackoffAsync();
        await call.Bound();

        wait.Should().Be(TimeSpan.FromSeconds(60));
        script.Count.Should().Be(2);
    }

    [Fact]
    public async Task The_retry_after_cap_is_the_clients_max_retry_after()
    {
        var script = Script(GetPath(), ScriptStep.Error(503, "public_api_disabled", "req_1", ("Retry-After", "10")), ScriptStep.Json(200, TestRequests.TaskJson));
        var client = Client(o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));

        var exception = (await FluentActions.Awaiting(() => client.Generations.GetAsync("task_1").Bound()).Should().ThrowAsync<RivyaServiceUnavailableException>()).Which;

        exception.RetryAfter.Should().Be(TimeSpan.FromSeconds(10));
        script.Count.Should().Be(1);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_waits_until_that_date()
    {
        var at = Clock.GetUtcNow().AddSeconds(7).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        var script = Script(GetPath(), ScriptStep.Error(429, "rate_limited", "req_1", ("Retry-After", at)), ScriptStep.Json(200, TestRequests.TaskJson));
        var client = Client();

        var call = client.Generations.GetAsync("task_1");
        var wait = await AdvancePastNextBackoffAsync();
        await call.Bound();

        wait.Should().Be(TimeSpan.FromSeconds(7));
        script.Count.Should().Be(2);
    }

    [Fact]
    public async Task Retry_after_as_a_past_http_date_falls_back_to_the_backoff()
    {
        var at = Clock.GetUtcNow().AddMinutes(-5).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        var script = Script(GetPath(), ScriptStep.Error(429, "rate_limited", "req_1", ("Retry-After", at)), ScriptStep.Json(200, TestRequests.TaskJson));
        var client = Client();

        var call = client.Generations.GetAsync("task_1");
        var wait = await AdvancePastNextBackoffAsync();
        await call.Bound();

        wait.Should().Be(TimeSpan.FromSeconds(1), "never an immediate retry");
        script.Count.Should().Be(2);
    }

    [Fact]
    public async Task Max_retries_0_on_the_client_makes_one_request()
    {
        var script = Script(GetPath(), ScriptStep.Error(503, "public_api_disabled", "req_1"), ScriptStep.Json(200, TestRequests.TaskJson));
        var client = Client(o => o.MaxRetries = 0);

        await FluentActions.Awaiting(() => client.Generations.GetAsync("task_1").Bound()).Should().ThrowAsync<RivyaServiceUnavailableException>();

        script.Count.Should().Be(1);
        Clock.AllTimers.Should().Equal(AttemptTimeout);
    }

    [Fact]
    public async Task Max_retries_per_call_overrides_the_client()
    {
        var script = Script(CreatePath, ScriptStep.Error(503, "public_api_disabled", "req_1"), ScriptStep.Error(503, "public_api_disabled", "req_2"), ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client(o => o.MaxRetries = 5);

        var call = client.Generations.CreateAsync(TestRequests.Valid(), new RequestOptions { MaxRetries = 1 });
        Clock.Advance(await Clock.NextSleepAsync());
        var exception = (await FluentActions.Awaiting(() => call.Bound()).Should().ThrowAsync<RivyaServiceUnavailableException>()).Which;

        exception.RequestId.Should().Be("req_2");
        script.Count.Should().Be(2);
    }

    [Fact]
    public async Task Max_retries_0_per_call_makes_one_request()
    {
        var script = Script(GetPath(), ScriptStep.Error(500, "internal", "req_1"), ScriptStep.Json(200, TestRequests.TaskJson));
        var client = Client();

        await FluentActions.Awaiting(() => client.Generations.GetAsync("task_1", new RequestOptions { MaxRetries = 0 }, CancellationToken.None).Bound())
            .Should().ThrowAsync<RivyaServerException>();

        script.Count.Should().Be(1);
    }

    [Fact]
    public async Task The_default_schedule_is_1_s_then_2_s_then_the_last_error_after_3_requests()
    {
        var script = Script(GetPath(), ScriptStep.Error(503, "public_api_disabled", "req_1"), ScriptStep.Error(503, "public_api_disabled", "req_2"), ScriptStep.Error(500, "internal", "req_3"));
        var client = Client();

        var call = client.Generations.GetAsync("task_1");
        var first = await Clock.NextSleepAsync();
        Clock.Advance(first);
        var second = await Clock.NextSleepAsync();
        Clock.Advance(second);
        var exception = (await FluentActions.Awaiting(() => call.Bound()).Should().ThrowAsync<RivyaServerException>()).Which;

        first.Should().Be(TimeSpan.FromSeconds(1));
        second.Should().Be(TimeSpan.FromSeconds(2));
        exception.RequestId.Should().Be("req_3", "the call fails with the last answer");
        exception.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        script.Count.Should().Be(3);
        Clock.AllTimers.Should().Equal(AttemptTimeout, first, AttemptTimeout, second, AttemptTimeout);
    }

    [Theory]
    [InlineData(0.0, 800)]
    [InlineData(0.999999, 1200)]
    [InlineData(0.25, 900)]
    public async Task The_first_backoff_is_1_s_give_or_take_20_percent_never_immediate(double random, int expectedMs)
    {
        Script(GetPath(), ScriptStep.Error(503, "public_api_disabled", "req_1"), ScriptStep.Json(200, TestRequests.TaskJson));
        var client = Client(o => o.JitterSource = () => random);

        var call = client.Generations.GetAsync("task_1");
        var backoff = await Clock.NextSleepAsync();
        Clock.Advance(backoff);
        await call.Bound();

        // Within a millisecond: TimeSpan keeps whole milliseconds of a fractional value on some runtimes.
        backoff.TotalMilliseconds.Should().BeApproximately(expectedMs, 1);
    }

    [Fact]
    public void The_backoff_doubles_and_is_capped_at_30_s()
    {
        Enumerable.Range(0, 8).Select(i => RetryDecision.Backoff(i, 0.5).TotalSeconds)
            .Should().Equal(1, 2, 4, 8, 16, 30, 30, 30);
        RetryDecision.Backoff(40, 0.999999).TotalSeconds.Should().BeApproximately(36, 0.001, "30 s at most, plus 20 % jitter");
    }

    [Fact]
    public async Task A_post_without_an_idempotency_key_is_never_retried()
    {
        var script = Script(Request.Create().WithPath("/api/v1/things").UsingPost(), ScriptStep.Error(503, "public_api_disabled", "req_1"), ScriptStep.Json(200, TestRequests.CreditsJson));
        using var http = new HttpClient();
        var pipeline = new RivyaPipeline(http, Options(), NullLogger.Instance);
        var request = new RivyaRequest("things.create", HttpMethod.Post, pipeline.Resolve("api/v1/things"))
        {
            ContentFactory = () => RequestMessageFactory.Json("{}"u8.ToArray()),
        };

        request.IsRetryable.Should().BeFalse();
        await FluentActions.Awaiting(() => pipeline.SendAsync(request, RivyaJsonContext.Default.CreditBalance, CancellationToken.None).Bound())
            .Should().ThrowAsync<RivyaServiceUnavailableException>();

        script.Count.Should().Be(1);
        script.Requests.Single().Headers!.Should().NotContainKey("Idempotency-Key");
    }

    [Fact]
    public async Task The_same_post_with_an_idempotency_key_is_retried()
    {
        var script = Script(Request.Create().WithPath("/api/v1/things").UsingPost(), ScriptStep.Error(503, "public_api_disabled", "req_1"), ScriptStep.Json(200, TestRequests.CreditsJson));
        using var http = new HttpClient();
        var pipeline = new RivyaPipeline(http, Options(), NullLogger.Instance);
        var request = new RivyaRequest("things.create", HttpMethod.Post, pipeline.Resolve("api/v1/things"))
        {
            ContentFactory = () => RequestMessageFactory.Json("{}"u8.ToArray()),
            IdempotencyKey = "k-1",
        };

        var call = pipeline.SendAsync(request, RivyaJsonContext.Default.CreditBalance, CancellationToken.None);
        Clock.Advance(await Clock.NextSleepAsync());
        var balance = await call.Bound();

        balance.CurrentCredits.Should().Be(123);
        script.Count.Should().Be(2);
        script.Requests.Select(r => r.Body).Should().Equal("{}", "{}");
    }

    [Fact]
    public async Task A_body_that_cannot_be_sent_twice_is_never_retried_even_with_a_key()
    {
        var script = Script(Request.Create().WithPath("/api/v1/things").UsingPost(), ScriptStep.Error(503, "public_api_disabled", "req_1"), ScriptStep.Json(200, TestRequests.CreditsJson));
        using var http = new HttpClient();
        var pipeline = new RivyaPipeline(http, Options(), NullLogger.Instance);
        var request = new RivyaRequest("things.upload", HttpMethod.Post, pipeline.Resolve("api/v1/things"))
        {
            ContentFactory = () => RequestMessageFactory.Json("{}"u8.ToArray()),
            IdempotencyKey = "k-2",
            CanResend = false,
        };

        await FluentActions.Awaiting(() => pipeline.SendAsync(request, RivyaJsonContext.Default.CreditBalance, CancellationToken.None).Bound())
            .Should().ThrowAsync<RivyaServiceUnavailableException>();

        script.Count.Should().Be(1);
    }

}
