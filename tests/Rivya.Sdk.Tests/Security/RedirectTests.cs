using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Security;

/// <summary>
/// The API (or a proxy, or whoever controls its DNS) answers a redirect: the SDK follows none, so nothing (body,
/// Idempotency-Key, custom headers) goes to another origin, and a create is never turned into a GET that "succeeds".
/// </summary>
public sealed class RedirectTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly HostileServer _elsewhere = HostileServer.Json(TestRequests.TaskJson);

    public void Dispose() => _elsewhere.Dispose();

    private string ElsewhereOrigin => _elsewhere.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task A_307_to_another_origin_is_an_error_and_nothing_goes_there()
    {
        using var api = Redirecting(307, "Temporary Redirect", ElsewhereOrigin + "/api/v1/generations");
        using var client = Client(api);

        var act = () => client.Generations.CreateAsync(TestRequests.Valid(), Options()).WaitAsync(Bound);

        var thrown = (await act.Should().ThrowAsync<RivyaApiException>()).Which;
        thrown.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect);
        thrown.Message.Should().Contain("307").And.Contain(ElsewhereOrigin).And.Contain("does not follow redirects");
        thrown.IdempotencyKey.Should().Be("order-9");
        api.Requests.Should().ContainSingle("a redirect is not retried");
        _elsewhere.Connections.Should().Be(0);
    }

    [Theory]
    [InlineData(301, "Moved Permanently")]
    [InlineData(302, "Found")]
    [InlineData(303, "See Other")]
    public async Task A_redirect_never_turns_a_create_into_a_GET(int status, string reason)
    {
        using var api = Redirecting(status, reason, "/api/v1/generations/task_1");
        using var client = Client(api);

        var act = () => client.Generations.CreateAsync(TestRequests.Valid(), Options()).WaitAsync(Bound);

        (await act.Should().ThrowAsync<RivyaApiException>()).Which.StatusCode.Should().Be((HttpStatusCode)status);
        api.Requests.Should().ContainSingle().Which.Method.Should().Be("POST");
    }

    [Fact]
    public async Task The_target_is_shown_as_an_origin_only_with_no_user_info_path_or_key()
    {
        using var api = Redirecting(307, "Temporary Redirect", $"https://thief:{TestKeys.ApiKey}@127.0.0.2:8443/steal?key={TestKeys.ApiKey}");
        using var client = Client(api);

        var act = () => client.Generations.CreateAsync(TestRequests.Valid(), Options()).WaitAsync(Bound);

        var thrown = (await act.Should().ThrowAsync<RivyaApiException>()).Which;
        thrown.Message.Should().Contain("https://127.0.0.2:8443").And.NotContain("thief").And.NotContain("steal");
        new LeakScan(TestKeys.ApiKey).AddException(thrown).ShouldBeClean();
    }

    [Fact]
    public async Task The_client_AddRivyaClient_configures_does_not_follow_redirects()
    {
        using var api = Redirecting(307, "Temporary Redirect", ElsewhereOrigin + "/api/v1/generations");
        var services = new ServiceCollection();
        services.AddRivyaClient(o =>
        {
            o.ApiKey = TestKeys.ApiKey;
            o.BaseAddress = api.BaseAddress;
        });
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<RivyaClient>();

        var act = () => client.Generations.CreateAsync(TestRequests.Valid(), Options()).WaitAsync(Bound);

        (await act.Should().ThrowAsync<RivyaApiException>()).Which.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect);
        _elsewhere.Connections.Should().Be(0);
    }

    [Fact]
    public async Task An_answer_a_caller_supplied_HttpClient_got_by_following_a_redirect_is_refused()
    {
        using var api = Redirecting(307, "Temporary Redirect", ElsewhereOrigin + "/api/v1/generations");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true });
        using var client = new RivyaClient(http, new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = api.BaseAddress });

        var act = () => client.Generations.CreateAsync(TestRequests.Valid(), Options()).WaitAsync(Bound);

        var thrown = (await act.Should().ThrowAsync<RivyaApiException>()).Which;
        thrown.Message.Should().Contain("followed a redirect").And.Contain("AllowAutoRedirect = false");
        // The caller's handler did follow it (the SDK cannot stop that), but without the key: .NET drops Authorization.
        _elsewhere.Requests.Should().ContainSingle().Which.Values("Authorization").Should().BeEmpty();
        api.Requests.Should().ContainSingle();
    }

    private static HostileServer Redirecting(int status, string reason, string location) =>
        HostileServer.Answering($"HTTP/1.1 {status} {reason}\r\nLocation: {location}\r\nContent-Type: text/plain", "moved");

    private static RequestOptions Options() => new() { IdempotencyKey = "order-9", Headers = new Dictionary<string, string> { ["X-Tenant"] = "acme" } };

    private static RivyaClient Client(HostileServer api) =>
        new(new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = api.BaseAddress });
}
