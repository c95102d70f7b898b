using System.Net;
using System.Text;
using FluentAssertions;
using Rivya.WebApp.FleetTests.Support;
using Xunit;

namespace Rivya.WebApp.FleetTests.Routes;

/// <summary>POST /videos with an Idempotency-Key: a repeat after a lost answer is the same video and one Rivya task.</summary>
public sealed class ClientKeyTests : IClassFixture<WebAppHost>
{
    private const string Body = """{"model":"kling-3-0","prompt":"A lighthouse at dusk","params":{"duration":"5"}}""";
    private readonly WebAppHost _host;
    private readonly VideoApi _api;

    public ClientKeyTests(WebAppHost host)
    {
        _host = host;
        _api = new VideoApi(host.CreateClient());
    }

    [Fact]
    public async Task The_same_request_again_is_the_same_video_and_one_task()
    {
        var before = _host.Fake.GenerationCount;
        using var first = await PostAsync(Body, "order-1");
        var video = await _api.FinishedAsync(await IdOf(first), TimeSpan.FromSeconds(60));
        using var again = await PostAsync(Body, "order-1");

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        again.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await IdOf(again)).Should().Be(video.Id);
        (await again.Content.ReadAsStringAsync()).Should().Contain("\"status\":\"succeeded\"");
        video.Status.Should().Be("succeeded");
        (_host.Fake.GenerationCount - before).Should().Be(1);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_conflict()
    {
        using var first = await PostAsync(Body, "order-2");
        await _api.FinishedAsync(await IdOf(first), TimeSpan.FromSeconds(60));

        using var other = await PostAsync(Body.Replace("dusk", "dawn", StringComparison.Ordinal), "order-2");

        other.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    public static TheoryData<string> UnusableKeys => [new string('k', 300), "order\t3"];

    [Theory]
    [MemberData(nameof(UnusableKeys))]
    public async Task An_unusable_key_is_refused(string key)
    {
        using var response = await PostAsync(Body, key);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Idempotency-Key");
    }

    private Task<HttpResponseMessage> PostAsync(string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/videos") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return _api.Http.SendAsync(request);
    }

    private static async Task<string> IdOf(HttpResponseMessage response) =>
        System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
}
