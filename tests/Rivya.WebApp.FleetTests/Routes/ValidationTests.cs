using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using Rivya.WebApp.FleetTests.Support;
using Xunit;

namespace Rivya.WebApp.FleetTests.Routes;

/// <summary>POST /videos refuses a bad body with every error at once, keyed by the SDK's paths, and enqueues nothing.</summary>
public sealed class ValidationTests : IClassFixture<WebAppHost>
{
    private readonly WebAppHost _host;
    private readonly VideoApi _api;

    public ValidationTests(WebAppHost host)
    {
        _host = host;
        _api = new VideoApi(host.CreateClient());
    }

    [Fact]
    public async Task Every_error_is_listed_under_the_SDKs_path()
    {
        using var response = await _api.PostAsync("""{"model":"kling-3-0","prompt":" ","params":{"duration":"99","sound":"maybe","aspect_ratio":"4:3"}}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await ReadJsonAsync(response))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().BeEquivalentTo("prompt", "params.duration", "params.sound", "params.aspect_ratio");
        errors["params.duration"]![0]!.GetValue<string>().Should().Contain("99");
        _host.Fake.GenerationCount.Should().Be(0, "nothing is enqueued for a refused body");
    }

    [Theory]
    [InlineData("[1,2]", "body")]
    [InlineData("not json", "body")]
    [InlineData("""{"prompt":"p"}""", "model")]
    [InlineData("""{"model":"kling-3-0","prompt":"p","params":"duration=5"}""", "params")]
    [InlineData("""{"model":"kling-v2-5-turbo-pro","prompt":"p","params":{"cfg_scale":"0.5"}}""", "params.cfg_scale")]
    [InlineData("""{"model":"kling-v2-5-turbo-pro","prompt":"p","params":{"cfg_scale":1.5}}""", "params.cfg_scale")]
    [InlineData("""{"model":"kling-2-6","prompt":"p","params":{"referenceMediaItems":[{"url":"file:///etc/passwd","kind":"image"}]}}""", "params.referenceMediaItems[0].url")]
    public async Task A_malformed_body_names_the_field(string body, string path)
    {
        using var response = await _api.PostAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ReadJsonAsync(response))["errors"]!.AsObject().Select(e => e.Key).Should().Contain(path);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_before_it_is_read()
    {
        using var response = await _api.PostAsync("{\"model\":\"kling-3-0\",\"prompt\":\"" + new string('a', 100_000) + "\"}");

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
