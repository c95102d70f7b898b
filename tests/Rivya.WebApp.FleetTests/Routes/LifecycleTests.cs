using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using Rivya.WebApp.FleetTests.Support;
using Xunit;

namespace Rivya.WebApp.FleetTests.Routes;

/// <summary>A video through its jobs in one process: created once, polled, downloaded, served with Range; or failed.</summary>
public sealed class LifecycleTests : IClassFixture<WebAppHost>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly WebAppHost _host;
    private readonly VideoApi _api;

    public LifecycleTests(WebAppHost host)
    {
        _host = host;
        _api = new VideoApi(host.CreateClient());
    }

    [Fact]
    public async Task A_video_succeeds_and_its_file_is_served_with_range_support()
    {
        var media = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        _host.Fake.SetResultMedia(media);
        var accepted = await _api.SubmitAsync();

        (await _api.Http.GetAsync($"/videos/{accepted.Id}/file")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var video = await _api.FinishedAsync(accepted.Id, Bound);

        video.Status.Should().Be("succeeded");
        video.TaskId.Should().StartWith("task_");
        video.Error.Should().BeNull();
        video.File.Should().Be($"/videos/{accepted.Id}/file");
        var file = await _api.Http.GetAsync(video.File);
        file.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        (await file.Content.ReadAsByteArrayAsync()).Should().Equal(media);

        using var range = new HttpRequestMessage(HttpMethod.Get, video.File) { Headers = { Range = new RangeHeaderValue(100, 109) } };
        var part = await _api.Http.SendAsync(range);
        part.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await part.Content.ReadAsByteArrayAsync()).Should().Equal(media[100..110]);
    }

    [Fact]
    public async Task Select_values_in_the_wire_shape_are_accepted()
    {
        using var response = await _api.PostAsync(
            """{"model":"kling-3-0","prompt":"p","params":{"mode":"std","multi_shots":"false","duration":"8","sound":"true","aspect_ratio":"9:16"}}""");

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var accepted = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        accepted["status"]!.GetValue<string>().Should().Be("queued");
        response.Headers.Location!.OriginalString.Should().Be("/videos/" + accepted["id"]!.GetValue<string>());
        (await _api.FinishedAsync(accepted["id"]!.GetValue<string>(), Bound)).Status.Should().Be("succeeded");
    }

    [Fact]
    public async Task A_failed_generation_reports_failed_with_its_code_and_message()
    {
        _host.Fake.FailNextGeneration("content_policy", "The prompt was refused.");
        var accepted = await _api.SubmitAsync(prompt: "A refused prompt");

        var video = await _api.FinishedAsync(accepted.Id, Bound);

        video.Status.Should().Be("failed");
        video.TaskId.Should().StartWith("task_");
        video.Error.Should().Be(new VideoApi.VideoError("content_policy", "The prompt was refused."));
        (await _api.Http.GetAsync($"/videos/{accepted.Id}/file")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_create_Rivya_refuses_fails_the_video_without_retrying()
    {
        _host.Fake.InjectFaults(1, HttpStatusCode.PaymentRequired, "insufficient_credits");
        var accepted = await _api.SubmitAsync();

        var video = await _api.FinishedAsync(accepted.Id, Bound);

        video.Status.Should().Be("failed");
        video.Error!.Code.Should().Be("insufficient_credits");
        video.TaskId.Should().BeNull("no task was made");
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_sent_again_with_the_same_key_and_charged_once()
    {
        var before = _host.Fake.GenerationCount;
        // The server creates the task, then answers 500 (three times: the SDK's own retries run out, then Hangfire's
        // retry of the job sends the create again). Every attempt carries the key fixed when the video was queued.
        _host.Fake.InjectFaults(3, Rivya.Sdk.Testing.FakeFault.ErrorAfterWork());
        var accepted = await _api.SubmitAsync();

        var video = await _api.FinishedAsync(accepted.Id, TimeSpan.FromSeconds(120));

        video.Status.Should().Be("succeeded");
        (_host.Fake.GenerationCount - before).Should().Be(1, "every retry reached the task the first attempt made");
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("UPPERCASE0123456789ABCDEF0123456")]
    public async Task An_unknown_or_malformed_id_is_404(string id)
    {
        (await _api.Http.GetAsync($"/videos/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.Http.GetAsync($"/videos/{id}/file")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
