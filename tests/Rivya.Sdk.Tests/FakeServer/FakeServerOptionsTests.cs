using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

public class FakeServerOptionsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task PollsUntilSucceeded_sets_on_which_poll_a_task_succeeds(int polls)
    {
        await using var fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { PollsUntilSucceeded = polls });
        using var client = Client(fake);
        var id = (await CreateAsync(client))["id"]!.GetValue<string>();

        for (var poll = 1; poll <= polls; poll++)
        {
            var status = (await GetJsonAsync(client, $"api/v1/generations/{id}"))["status"]!.GetValue<string>();
            status.Should().Be(poll == polls ? "succeeded" : "processing", $"poll {poll} of {polls}");
        }
    }

    [Fact]
    public async Task Timestamps_come_from_the_configured_TimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero));
        await using var fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { TimeProvider = time });
        using var client = Client(fake);

        var created = await CreateAsync(client).Bound();
        time.Advance(TimeSpan.FromSeconds(61.5));
        var processing = await GetJsonAsync(client, $"api/v1/generations/{created["id"]}").Bound();

        created["created_at"]!.GetValue<string>().Should().Be("2026-05-11T00:00:00.000Z");
        created["updated_at"]!.GetValue<string>().Should().Be("2026-05-11T00:00:00.000Z");
        processing["created_at"]!.GetValue<string>().Should().Be("2026-05-11T00:00:00.000Z");
        processing["updated_at"]!.GetValue<string>().Should().Be("2026-05-11T00:01:01.500Z");
        fake.Requests[0].ReceivedAt.Should().Be(new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task InitialBalance_sets_the_starting_credits()
    {
        await using var fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { InitialBalance = 50 });
        using var client = Client(fake);

        fake.Balance.Should().Be(50);
        (await GetJsonAsync(client, "api/v1/credits"))["current_credits"]!.GetValue<decimal>().Should().Be(50);
    }

    [Fact]
    public void Out_of_range_options_are_refused_at_start()
    {
        FluentActions.Invoking(() => FakeRivyaServer.Start(new FakeRivyaServerOptions { PollsUntilSucceeded = 0 })).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => FakeRivyaServer.Start(new FakeRivyaServerOptions { ApiKey = " " })).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => FakeRivyaServer.Start(new FakeRivyaServerOptions { InitialBalance = -1 })).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => FakeRivyaServer.Start(new FakeRivyaServerOptions { Port = 70000 })).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => FakeRivyaServer.Start(new FakeRivyaServerOptions { TimeProvider = null! })).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task Two_fakes_run_side_by_side_on_different_ports_with_separate_state()
    {
        await using var a = FakeRivyaServer.Start();
        await using var b = FakeRivyaServer.Start();
        using var clientA = Client(a);

        await CreateAsync(clientA);

        a.BaseAddress.Should().NotBe(b.BaseAddress);
        a.GenerationCount.Should().Be(1);
        b.GenerationCount.Should().Be(0);
        b.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Dispose_stops_the_server_and_may_be_called_twice()
    {
        var fake = FakeRivyaServer.Start();
        using var client = Client(fake);
        (await client.GetAsync("api/v1/models")).StatusCode.Should().Be(HttpStatusCode.OK);

        fake.Dispose();
        await fake.DisposeAsync();

        using var fresh = Client(fake);
        await fresh.Invoking(c => c.GetAsync("api/v1/models")).Should().ThrowAsync<HttpRequestException>("a new connection is refused");
    }

    [Fact]
    public async Task A_fixed_port_is_used_and_can_be_taken_again_right_after_dispose()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var first = FakeRivyaServer.Start(new FakeRivyaServerOptions { Port = port });
        first.BaseAddress.Should().Be(new Uri($"http://127.0.0.1:{port}/"));
        await first.DisposeAsync();

        await using var second = FakeRivyaServer.Start(new FakeRivyaServerOptions { Port = port });
        using var client = Client(second);
        (await client.GetAsync("api/v1/models")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static HttpClient Client(FakeRivyaServer fake)
    {
        var client = new HttpClient { BaseAddress = fake.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fake.ApiKey);
        return client;
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> CreateAsync(HttpClient client)
    {
        using var content = new StringContent("""{"model":"kling-2-6","prompt":"p"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("api/v1/generations", content).Bound();
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> GetJsonAsync(HttpClient client, string path) =>
        System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(path))!;
}
