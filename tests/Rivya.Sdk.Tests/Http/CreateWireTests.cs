using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

public sealed class CreateWireTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task Create_posts_the_documented_body_with_auth_and_an_idempotency_key_and_parses_the_task()
    {
        _server.Given(Request.Create().WithPath("/api/v1/generations").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody(Fixture.Read("responses/kling-3-0.create.json")));
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = new Uri(_server.Url!) });

        var created = await client.Generations.CreateAsync(new GenerationRequest
        {
            Prompt = "A cinematic product reveal with smooth camera movement",
            Params = new Kling30Params { Mode = Kling30Mode.Pro, MultiShots = false, Duration = 5, Sound = false, AspectRatio = AspectRatio.Landscape },
        }).Bound();

        created.Id.Should().Be("task_kling_3_0_example");
        created.Status.Should().Be(GenerationStatus.Queued);
        created.ReservedCredits.Should().Be(90);
        var entry = _server.LogEntries.Single().RequestMessage;
        entry!.Headers!["Authorization"].Single().Should().Be("Bearer " + TestKeys.ApiKey);
        entry.Headers!["Idempotency-Key"].Single().Should().NotBeNullOrWhiteSpace();
        System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(entry.Body!),
            Fixture.Json("requests/kling-3-0.minimal.json")).Should().BeTrue(entry.Body);
    }
}
