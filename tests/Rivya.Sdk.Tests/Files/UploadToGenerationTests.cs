using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

/// <summary>The examples of docs/uploads.md, run against a loopback server.</summary>
public sealed class UploadToGenerationTests : IDisposable
{
    private readonly FilesServer _files = new();

    public UploadToGenerationTests()
    {
        // The stored file's url echoes the upload's Idempotency-Key, so each reference traces back to its upload.
        _files.Server.Given(Request.Create().WithPath("/api/v1/files").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody("{\"id\":\"file_{{request.headers.Idempotency-Key}}\",\"url\":\"https://cdn.rivya.ai/files/{{request.headers.Idempotency-Key}}\",\"kind\":\"image\",\"mime_type\":\"image/jpeg\",\"name\":\"frame.jpg\"}")
                .WithTransformer());
        _files.Server.Given(Request.Create().WithPath("/api/v1/generations").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody(Fixture.Read("responses/kling-v2-5-turbo-pro.create.json")));
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task First_and_last_frame_uploads_become_the_two_reference_items_in_order()
    {
        using var sunrise = TempFile.Create("sunrise.jpg", SampleMedia.Jpeg());
        using var noon = TempFile.Create("noon.jpg", SampleMedia.Jpeg());
        using var client = _files.Client();
        var upload = (string path, string key) => client.Files.UploadAsync(
            FileUpload.FromPath(path, MediaKind.Image) with { Model = "kling-v2-5-turbo-pro" },
            new RequestOptions { IdempotencyKey = key });

        var first = await upload(sunrise.Path, "first");
        var last = await upload(noon.Path, "last");
        await client.Generations.CreateAsync(new GenerationRequest
        {
            Prompt = "Time-lapse of the sun climbing over the valley",
            Params = new KlingV25TurboProParams { Duration = 10 }.WithFrames(first.ToReferenceMediaItem(), last.ToReferenceMediaItem()),
        }).Bound();

        var create = _files.Requests.Single(r => r.Path == "/api/v1/generations");
        var items = JsonNode.Parse(create.Body!)!["params"]!["referenceMediaItems"]!.AsArray();
        items.Select(i => (string?)i!["url"]).Should().Equal("https://cdn.rivya.ai/files/first", "https://cdn.rivya.ai/files/last");
        items[0]!["kind"]!.GetValue<string>().Should().Be("image");
        items[0]!["mimeType"]!.GetValue<string>().Should().Be("image/jpeg");
        _files.Parts(0).Single(p => p.Name == "model").Text.Should().Be("kling-v2-5-turbo-pro");
    }
}
