using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

public class FaultInjectionTests : FakeServerTestBase
{
    [Fact]
    public async Task The_next_n_requests_answer_the_fault_with_retry_after_then_the_server_answers_normally()
    {
        Fake.InjectFaults(2, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7));

        var first = await GetAsync("api/v1/credits");
        var second = await GetAsync("api/v1/models");
        var third = await GetAsync("api/v1/credits");

        foreach (var fault in new[] { first, second })
        {
            fault.Status.Should().Be(HttpStatusCode.TooManyRequests);
            fault.ErrorCode.Should().Be("rate_limited");
            fault.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
            fault.Json["error"]!["requestId"]!.GetValue<string>().Should().StartWith("req_");
        }

        third.Status.Should().Be(HttpStatusCode.OK);
        third.Headers.RetryAfter.Should().BeNull();
        Fake.PendingFaults.Should().Be(0);
    }

    [Fact]
    public async Task A_faulted_create_changes_nothing_and_is_still_logged()
    {
        var before = Fake.Balance;
        Fake.InjectFaults(1, HttpStatusCode.ServiceUnavailable);

        var answer = await PostGenerationAsync(ValidKling30Body, "k1");

        answer.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        answer.ErrorCode.Should().Be("public_api_disabled");
        answer.Headers.RetryAfter.Should().BeNull("no Retry-After was asked for");
        Fake.Balance.Should().Be(before);
        Fake.GenerationCount.Should().Be(0);
        Fake.Requests.Should().ContainSingle().Which.IdempotencyKey.Should().Be("k1");

        var retried = await PostGenerationAsync(ValidKling30Body, "k1");
        retried.Status.Should().Be(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, null, "internal_error")]
    [InlineData(HttpStatusCode.BadGateway, null, "internal_error")]
    [InlineData(HttpStatusCode.RequestTimeout, null, "injected_fault")]
    [InlineData(HttpStatusCode.Forbidden, "api_scope_denied", "api_scope_denied")]
    public async Task The_error_code_defaults_by_status_or_is_the_one_given(HttpStatusCode status, string? code, string expected)
    {
        Fake.InjectFaults(1, status, errorCode: code);

        var answer = await GetAsync("api/v1/credits");

        answer.Status.Should().Be(status);
        answer.ErrorCode.Should().Be(expected);
    }

    [Fact]
    public async Task Faults_queue_in_order_and_ClearFaults_drops_the_rest()
    {
        Fake.InjectFaults(1, HttpStatusCode.ServiceUnavailable);
        Fake.InjectFaults(2, new FakeFault(HttpStatusCode.TooManyRequests) { Message = "Slow down." });
        Fake.PendingFaults.Should().Be(3);

        (await GetAsync("api/v1/credits")).Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        var limited = await GetAsync("api/v1/credits");
        limited.Status.Should().Be(HttpStatusCode.TooManyRequests);
        limited.ErrorMessage.Should().Be("Slow down.");

        Fake.ClearFaults();
        (await GetAsync("api/v1/credits")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_delayed_fault_still_answers_the_fault()
    {
        // A delay stands for a slow network; this test only checks the answer, never how long it took.
        Fake.InjectFaults(1, HttpStatusCode.GatewayTimeout, delay: TimeSpan.FromMilliseconds(20));

        var answer = await GetAsync("api/v1/credits");

        answer.Status.Should().Be(HttpStatusCode.GatewayTimeout);
    }

    [Fact]
    public async Task A_fractional_retry_after_is_rounded_up_to_whole_seconds()
    {
        Fake.InjectFaults(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromMilliseconds(1500));

        var answer = await GetAsync("api/v1/credits");

        answer.Headers.GetValues("Retry-After").Single().Should().Be("2");
    }

    [Fact]
    public void Out_of_range_faults_are_refused()
    {
        Fake.Invoking(f => f.InjectFaults(0, HttpStatusCode.TooManyRequests)).Should().Throw<ArgumentOutOfRangeException>();
        Fake.Invoking(f => f.InjectFaults(1, HttpStatusCode.OK)).Should().Throw<ArgumentOutOfRangeException>();
        Fake.Invoking(f => f.InjectFaults(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(-1))).Should().Throw<ArgumentOutOfRangeException>();
        Fake.Invoking(f => f.InjectFaults(1, null!)).Should().Throw<ArgumentNullException>();
        Fake.PendingFaults.Should().Be(0);
    }
}
