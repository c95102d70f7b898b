using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

// The fake's own books (GetLedger, GET /_fake/ledger), per-task result bytes and a processing time: what the
// FakeRivyaHost sample offers to tests in another process.
public class LedgerTests
{
    [Fact]
    public async Task The_ledger_counts_tasks_charges_and_creates_and_a_replay_adds_no_charge()
    {
        await using var fake = FakeRivyaServer.Start();
        using var client = Client(fake);

        (await CreateAsync(client, "key-1")).StatusCode.Should().Be(HttpStatusCode.Created);
        (await CreateAsync(client, "key-1")).StatusCode.Should().Be(HttpStatusCode.Created);
        (await CreateAsync(client, "key-2")).StatusCode.Should().Be(HttpStatusCode.Created);

        var ledger = fake.GetLedger();
        ledger.Creates.Should().Be(3);
        ledger.Charges.Should().Be(2);
        ledger.Tasks.Select(t => t.IdempotencyKey).Should().Equal("key-1", "key-2");
        ledger.Tasks.Should().OnlyContain(t => t.Model == "kling-2-6" && t.Status == "queued" && t.ResultSha256 == null);

        var json = JsonNode.Parse(await client.GetStringAsync(new Uri(fake.BaseAddress, "_fake/ledger")).Bound())!;
        json["charges"]!.GetValue<int>().Should().Be(2);
        json["creates"]!.GetValue<int>().Should().Be(3);
        json["tasks"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).Should().Equal(ledger.Tasks.Select(t => t.Id));
    }

    [Fact]
    public async Task With_DistinctResults_each_task_serves_its_own_bytes_and_the_ledger_names_their_hash()
    {
        await using var fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { PollsUntilSucceeded = 1, DistinctResults = true });
        using var client = Client(fake);
        var urls = new string[2];
        for (var i = 0; i < urls.Length; i++)
        {
            using var created = await CreateAsync(client, "k" + i);
            var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
            var task = JsonNode.Parse(await client.GetStringAsync($"api/v1/generations/{id}").Bound())!;
            urls[i] = task["result"]!["primary_url"]!.GetValue<string>();
        }

        using var plain = new HttpClient();
        var first = await plain.GetByteArrayAsync(urls[0]).Bound();
        var second = await plain.GetByteArrayAsync(urls[1]).Bound();

        first.Should().NotEqual(second);
        var hashes = fake.GetLedger().Tasks.Select(t => t.ResultSha256).ToArray();
        hashes.Should().Equal(Hex(first), Hex(second));
    }

    [Fact]
    public async Task A_ProcessingTime_keeps_a_task_processing_until_that_time_has_passed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero));
        await using var fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { PollsUntilSucceeded = 1, ProcessingTime = TimeSpan.FromSeconds(3), TimeProvider = time });
        using var client = Client(fake);
        using var created = await CreateAsync(client, "k");
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        time.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1));
        (await StatusAsync(client, id)).Should().Be("processing");
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await StatusAsync(client, id)).Should().Be("succeeded");
    }

    private static async Task<string> StatusAsync(HttpClient client, string id) =>
        JsonNode.Parse(await client.GetStringAsync($"api/v1/generations/{id}").Bound())!["status"]!.GetValue<string>();

    private static string Hex(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private static HttpClient Client(FakeRivyaServer fake)
    {
        var client = new HttpClient { BaseAddress = fake.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fake.ApiKey);
        return client;
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/generations")
        {
            Content = new StringContent("""{"model":"kling-2-6","prompt":"p"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request).Bound();
    }
}
