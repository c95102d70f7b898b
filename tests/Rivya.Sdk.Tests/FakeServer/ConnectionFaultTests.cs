using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

/// <summary>The faults that lose an answer to work that was done, and the seeded random faults, seen from a plain HTTP client.</summary>
public class ConnectionFaultTests : FakeServerTestBase
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Half_json_answers_the_complete_status_with_half_the_body_after_making_the_task()
    {
        Fake.InjectFaults(1, FakeFault.HalfJson());

        using var response = await SendCreateAsync("half-1");
        var body = await response.Content.ReadAsStringAsync().WaitAsync(Bound);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        body.Should().StartWith("{\"id\":\"task_");
        var parse = () => System.Text.Json.JsonDocument.Parse(body);
        parse.Should().Throw<System.Text.Json.JsonException>("only half the JSON was sent");
        Fake.GenerationCount.Should().Be(1, "the work was done");
    }

    [Theory]
    [InlineData(FakeFaultKind.AbortAfterWork, 1)]
    [InlineData(FakeFaultKind.AbortBeforeWork, 0)]
    public async Task An_abort_closes_the_connection_without_an_answer(FakeFaultKind kind, int tasks)
    {
        Fake.InjectFaults(1, kind == FakeFaultKind.AbortAfterWork ? FakeFault.AbortAfterWork() : FakeFault.AbortBeforeWork());

        await FluentActions.Awaiting(() => SendCreateAsync("abort-1")).Should().ThrowAsync<HttpRequestException>();

        Fake.GenerationCount.Should().Be(tasks);
        Fake.Requests.Should().ContainSingle("the request was received and logged");
    }

    [Fact]
    public async Task A_cut_body_sends_the_headers_then_breaks_off_mid_body()
    {
        Fake.InjectFaults(1, FakeFault.CutBody());

        using var request = CreateRequest("cut-1");
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Bound);
        response.StatusCode.Should().Be(HttpStatusCode.Created);

        await FluentActions.Awaiting(() => response.Content.ReadAsStringAsync().WaitAsync(Bound)).Should().ThrowAsync<Exception>()
            .Where(e => e is HttpRequestException || e is System.IO.IOException);
        Fake.GenerationCount.Should().Be(1);
    }

    [Fact]
    public async Task An_error_after_work_answers_500_but_the_task_exists_and_the_key_replays_it()
    {
        Fake.InjectFaults(1, FakeFault.ErrorAfterWork());

        var first = await PostGenerationAsync(ValidKling30Body, "after-1").WaitAsync(Bound);
        var again = await PostGenerationAsync(ValidKling30Body, "after-1").WaitAsync(Bound);

        first.Status.Should().Be(HttpStatusCode.InternalServerError);
        first.ErrorCode.Should().Be("internal_error");
        again.Status.Should().Be(HttpStatusCode.Created);
        Fake.GenerationCount.Should().Be(1, "the repeat with the key reached the task the faulted call made");
    }

    [Fact]
    public async Task A_slow_answer_does_the_work_at_once_and_answers_after_the_delay()
    {
        Fake.InjectFaults(1, FakeFault.Slow(TimeSpan.FromMilliseconds(20)));

        var answer = await PostGenerationAsync(ValidKling30Body, "slow-1").WaitAsync(Bound);

        answer.Status.Should().Be(HttpStatusCode.Created);
        Fake.GenerationCount.Should().Be(1);
    }

    [Fact]
    public async Task An_html_fault_answers_a_proxy_page()
    {
        Fake.InjectFaults(1, new FakeFault(HttpStatusCode.BadGateway) { Html = true });

        using var response = await Client.GetAsync("api/v1/credits").WaitAsync(Bound);

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<html>");
    }

    [Fact]
    public async Task Random_faults_at_rate_one_hit_every_api_request_and_clear_faults_ends_them()
    {
        Fake.InjectRandomFaults(1, seed: 1, new FakeFault(HttpStatusCode.ServiceUnavailable));

        var faulted = await GetAsync("api/v1/credits").WaitAsync(Bound);
        Fake.ClearFaults();
        var clean = await GetAsync("api/v1/credits").WaitAsync(Bound);

        faulted.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        clean.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_same_seed_faults_the_same_requests()
    {
        var first = await FaultPatternAsync(seed: 42);
        var second = await FaultPatternAsync(seed: 42);
        var other = await FaultPatternAsync(seed: 43);

        first.Should().Equal(second);
        first.Should().Contain(true).And.Contain(false, "a rate of one half spares some of 40 requests");
        other.Should().NotEqual(first, "another seed gives another schedule");
    }

    [Fact]
    public void Invalid_faults_are_refused_when_injected()
    {
        FluentActions.Invoking(() => Fake.InjectFaults(1, FakeFault.ErrorAfterWork(HttpStatusCode.OK))).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => FakeFault.Slow(TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Fake.InjectRandomFaults(1.5, 1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Fake.InjectRandomFaults(0.5, 1, null!)).Should().Throw<ArgumentNullException>();
        Fake.InjectFaults(1, FakeFault.HalfJson());
        Fake.PendingFaults.Should().Be(1, "a fault of a kind that answers no error needs no error status");
    }

    private async Task<bool[]> FaultPatternAsync(int seed)
    {
        await using var fake = FakeRivyaServer.Start();
        using var client = NewClient(fake.ApiKey);
        client.BaseAddress = fake.BaseAddress;
        fake.InjectRandomFaults(0.5, seed, new FakeFault(HttpStatusCode.ServiceUnavailable));
        var pattern = new bool[40];
        for (var i = 0; i < pattern.Length; i++)
        {
            using var response = await client.GetAsync("api/v1/credits").WaitAsync(Bound);
            pattern[i] = response.StatusCode == HttpStatusCode.ServiceUnavailable;
        }

        return pattern;
    }

    private Task<HttpResponseMessage> SendCreateAsync(string key) => Client.SendAsync(CreateRequest(key)).WaitAsync(Bound);

    private static HttpRequestMessage CreateRequest(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/generations")
        {
            Content = new StringContent(ValidKling30Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
