using System;
using System.Collections.Generic;
using System.Linq;
using Rivya.Sdk.Tests.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Rivya.Sdk.Tests.Files;

/// <summary>A loopback WireMock standing in for the Files API, and a client pointed at it.</summary>
internal sealed class FilesServer : IDisposable
{
    public const string StoredFileJson = """
        {
          "id": "file_7f3a",
          "url": "https://cdn.rivya.ai/files/file_7f3a/cat.png",
          "kind": "image",
          "mime_type": "image/png",
          "name": "cat.png",
          "size_bytes": 4096,
          "created_at": "2026-05-11T00:00:00.000Z"
        }
        """;

    private readonly WireMockServer _server = WireMockServer.Start();

    public WireMockServer Server => _server;

    public IReadOnlyList<IRequestMessage> Requests => _server.LogEntries.Select(e => e.RequestMessage!).ToList();

    public RivyaClient Client(TestClock? clock = null) => new(new RivyaClientOptions
    {
        ApiKey = TestKeys.ApiKey,
        BaseAddress = new Uri(_server.Url!),
        TimeProvider = clock ?? (TimeProvider)TimeProvider.System,
        JitterSource = () => 0.5,
    });

    public void UploadsAnswer(int status = 201, string body = StoredFileJson) =>
        _server.Given(Request.Create().WithPath("/api/v1/files").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    /// <summary>The first upload answers 503, every later one 201.</summary>
    public void UploadsFailOnceThenSucceed()
    {
        _server.Given(Request.Create().WithPath("/api/v1/files").UsingPost()).InScenario("flaky").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Content-Type", "application/json")
                .WithBody("{\"error\":{\"code\":\"public_api_disabled\",\"message\":\"The public API is temporarily off.\"}}"));
        _server.Given(Request.Create().WithPath("/api/v1/files").UsingPost()).InScenario("flaky").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(StoredFileJson));
    }

    /// <summary>The parts of the <paramref name="index"/>th request received, parsed from its raw bytes.</summary>
    public IReadOnlyList<MultipartPart> Parts(int index = 0)
    {
        var request = Requests[index];
        return MultipartBody.Parse(request.BodyAsBytes!, request.Headers!["Content-Type"].Single());
    }

    public void Dispose() => _server.Stop();
}
