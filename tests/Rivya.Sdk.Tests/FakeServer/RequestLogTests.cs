using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

public class RequestLogTests : FakeServerTestBase
{
    [Fact]
    public async Task The_log_captures_method_path_idempotency_key_and_body_and_redacts_the_key()
    {
        await PostGenerationAsync(ValidKling30Body, idempotencyKey: "order-42");
        await GetAsync("api/v1/credits");

        var requests = Fake.Requests;

        requests.Should().HaveCount(2);
        var create = requests[0];
        create.Method.Should().Be("POST");
        create.Path.Should().Be("/api/v1/generations");
        create.IdempotencyKey.Should().Be("order-42");
        create.Header("idempotency-key").Should().Be("order-42", "header names are case-insensitive");
        create.ContentType.Should().StartWith("application/json");
        create.BodyText.Should().Be(ValidKling30Body);
        create.Body.Length.Should().Be(ValidKling30Body.Length);
        create.HasValidApiKey.Should().BeTrue();
        create.Headers["Authorization"].Should().Be(FakeRequest.RedactedAuthorization);
        create.ToString().Should().Be("POST /api/v1/generations (Idempotency-Key order-42)");
        requests[1].ToString().Should().Be("GET /api/v1/credits");
        requests[1].IdempotencyKey.Should().BeNull();

        foreach (var request in requests)
        {
            request.ToString().Should().NotContain(Fake.ApiKey);
            request.Headers.Values.Should().NotContain(v => v.Contains(Fake.ApiKey, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_wrong_key_is_redacted_too_and_marked_invalid()
    {
        using var client = NewClient("rvya_sk_leaked_secret");

        await GetAsync("api/v1/credits", client).Bound();

        var request = Fake.Requests.Single();
        request.HasValidApiKey.Should().BeFalse();
        request.Headers["Authorization"].Should().Be(FakeRequest.RedactedAuthorization);
        request.Headers.Values.Should().NotContain(v => v.Contains("leaked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClearRequests_empties_the_log_and_a_snapshot_does_not_change_afterwards()
    {
        await GetAsync("api/v1/credits");
        var snapshot = Fake.Requests;

        Fake.ClearRequests();
        await GetAsync("api/v1/models");

        snapshot.Should().ContainSingle().Which.Path.Should().Be("/api/v1/credits");
        Fake.Requests.Should().ContainSingle().Which.Path.Should().Be("/api/v1/models");
    }

    [Fact]
    public async Task Concurrent_requests_are_all_recorded()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => GetAsync("api/v1/credits")));

        Fake.Requests.Should().HaveCount(20);
    }
}
