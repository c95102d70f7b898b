using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>
/// Every documented error code becomes its exception, chosen by code first and status second. Retries are off here
/// (MaxRetries 0): these tests are about the mapping, <see cref="RetryTests"/> about what is retried.
/// </summary>
public sealed class ErrorMappingTests : WireMockTest
{
    private const string CallerKey = "order-42";

    [Theory]
    [InlineData("validation_failed", 400, typeof(RivyaApiException))]
    [InlineData("api_key_missing", 401, typeof(RivyaAuthenticationException))]
    [InlineData("api_key_invalid", 401, typeof(RivyaAuthenticationException))]
    [InlineData("api_key_revoked", 401, typeof(RivyaAuthenticationException))]
    [InlineData("api_key_expired", 401, typeof(RivyaAuthenticationException))]
    [InlineData("api_scope_denied", 403, typeof(RivyaPermissionDeniedException))]
    [InlineData("not_found", 404, typeof(RivyaNotFoundException))]
    [InlineData("idempotency_conflict", 409, typeof(RivyaIdempotencyConflictException))]
    [InlineData("insufficient_credits", 402, typeof(RivyaInsufficientCreditsException))]
    [InlineData("rate_limited", 429, typeof(RivyaRateLimitException))]
    [InlineData("public_api_disabled", 503, typeof(RivyaServiceUnavailableException))]
    [InlineData("webhook_url_rejected", 400, typeof(RivyaApiException))]
    public async Task A_documented_error_code_on_a_create_gives_its_exception_with_every_property(string code, int status, Type expected)
    {
        RespondToCreate(status, ErrorBodies.Json(code, "the server says no", "req_" + code));
        var client = Client(o => o.MaxRetries = 0);

        var exception = await CreateAndCatchAsync(client).Bound();

        exception.GetType().Should().Be(expected);
        exception.StatusCode.Should().Be((HttpStatusCode)status);
        exception.ErrorCode.Should().Be(code);
        exception.RequestId.Should().Be("req_" + code);
        exception.IdempotencyKey.Should().Be(CallerKey);
        exception.Message.Should().Contain(code).And.Contain("the server says no").And.Contain("req_" + code);
    }

    [Theory]
    [InlineData(500, typeof(RivyaServerException))]
    [InlineData(502, typeof(RivyaServerException))]
    [InlineData(401, typeof(RivyaAuthenticationException))]
    [InlineData(402, typeof(RivyaInsufficientCreditsException))]
    [InlineData(403, typeof(RivyaPermissionDeniedException))]
    [InlineData(404, typeof(RivyaNotFoundException))]
    [InlineData(409, typeof(RivyaIdempotencyConflictException))]
    [InlineData(429, typeof(RivyaRateLimitException))]
    [InlineData(503, typeof(RivyaServiceUnavailableException))]
    [InlineData(400, typeof(RivyaApiException))]
    [InlineData(422, typeof(RivyaApiException))]
    public async Task Without_a_code_the_status_chooses_the_exception(int status, Type expected)
    {
        RespondToCreate(status, ErrorBodies.Json(null, "no code here", "req_status"));
        var client = Client(o => o.MaxRetries = 0);

        var exception = await CreateAndCatchAsync(client).Bound();

        exception.GetType().Should().Be(expected);
        exception.StatusCode.Should().Be((HttpStatusCode)status);
        exception.ErrorCode.Should().BeNull();
        exception.RequestId.Should().Be("req_status");
    }

    [Theory]
    [InlineData(500, null)]
    [InlineData(503, null)]
    [InlineData(503, "public_api_disabled")]
    [InlineData(504, null)]
    public async Task Every_5xx_including_a_503_is_caught_as_a_RivyaServerException(int status, string? code)
    {
        RespondToCreate(status, ErrorBodies.Json(code, "down", "req_5xx"));
        var client = Client(o => o.MaxRetries = 0);

        var exception = await CreateAndCatchAsync(client).Bound();

        exception.Should().BeAssignableTo<RivyaServerException>("catch (RivyaServerException) must not miss a 503");
        exception.IdempotencyKey.Should().Be(CallerKey);
    }

    [Fact]
    public async Task An_unknown_code_falls_back_to_the_status_and_is_kept()
    {
        RespondToCreate(403, ErrorBodies.Json("scope_from_the_future", "new code", "req_new"));
        var client = Client(o => o.MaxRetries = 0);

        var exception = await CreateAndCatchAsync(client).Bound();

        exception.Should().BeOfType<RivyaPermissionDeniedException>();
        exception.ErrorCode.Should().Be("scope_from_the_future");
    }

    [Fact]
    public async Task The_code_wins_over_the_status()
    {
        RespondToCreate(400, ErrorBodies.Json("not_found", "odd status", "req_odd"));
        var client = Client(o => o.MaxRetries = 0);

        var exception = await CreateAndCatchAsync(client).Bound();

        exception.Should().BeOfType<RivyaNotFoundException>();
        exception.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_create_without_a_caller_key_carries_the_key_the_sdk_sent()
    {
        Server.Given(CreatePath).RespondWith(Response.Create().WithStatusCode(400).WithBody(ErrorBodies.Json("validation_failed", "no", "req_1")));
        var client = Client();

        var exception = await FluentActions.Awaiting(() => client.Generations.CreateAsync(TestRequests.Valid()).Bound())
            .Should().ThrowAsync<RivyaApiException>();

        var sent = Received.Single().Headers!["Idempotency-Key"].Single();
        exception.Which.IdempotencyKey.Should().Be(sent).And.NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_get_carries_no_idempotency_key()
    {
        Server.Given(GetPath()).RespondWith(Response.Create().WithStatusCode(404).WithBody(ErrorBodies.Json("not_found", "no such task", "req_get")));
        var client = Client();

        var exception = await FluentActions.Awaiting(() => client.Generations.GetAsync("task_1").Bound())
            .Should().ThrowAsync<RivyaNotFoundException>();

        exception.Which.IdempotencyKey.Should().BeNull();
        exception.Which.RequestId.Should().Be("req_get");
        Received.Single().Headers!.Should().NotContainKey("Idempotency-Key");
    }

    [Fact]
    public async Task The_documented_example_error_fixture_maps_to_its_fields()
    {
        RespondToCreate(400, Fixture.Read("responses/error.validation_failed.json"));
        var client = Client();

        var exception = await CreateAndCatchAsync(client).Bound();

        exception.Should().BeOfType<RivyaApiException>();
        exception.ErrorCode.Should().Be("validation_failed");
        exception.RequestId.Should().Be("req_example");
        exception.Message.Should().Contain("Invalid request.");
    }

    private void RespondToCreate(int status, string body) =>
        Server.Given(CreatePath).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private static async Task<RivyaApiException> CreateAndCatchAsync(RivyaClient client)
    {
        var assertion = await FluentActions.Awaiting(() => client.Generations.CreateAsync(TestRequests.Valid(), new RequestOptions { IdempotencyKey = CallerKey }).Bound())
            .Should().ThrowAsync<RivyaApiException>();
        return assertion.Which;
    }
}
