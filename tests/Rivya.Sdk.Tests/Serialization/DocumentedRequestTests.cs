using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Serialization;

/// <summary>Each model's documented example requests, built from the typed record, serialize to exactly the documented JSON.</summary>
public class DocumentedRequestTests
{
    [Theory]
    [InlineData("kling-v2-1-master")]
    [InlineData("kling-2-6")]
    [InlineData("kling-3-0")]
    [InlineData("kling-v2-5-turbo-pro")]
    public void Minimal_request_matches_the_documented_example(string modelId) =>
        ShouldMatch(Documented.Minimal(modelId), $"requests/{modelId}.minimal.json");

    [Theory]
    [InlineData("kling-v2-1-master")]
    [InlineData("kling-2-6")]
    [InlineData("kling-3-0")]
    [InlineData("kling-v2-5-turbo-pro")]
    public void Reference_file_request_matches_the_documented_example(string modelId) =>
        ShouldMatch(Documented.WithReference(modelId), $"requests/{modelId}.reference.json");

    [Theory]
    [InlineData("kling-v2-1-master")]
    [InlineData("kling-2-6")]
    [InlineData("kling-3-0")]
    [InlineData("kling-v2-5-turbo-pro")]
    public void Documented_examples_are_valid(string modelId)
    {
        Documented.Minimal(modelId).Validate().Should().BeEmpty();
        Documented.WithReference(modelId).Validate().Should().BeEmpty();
    }

    private static void ShouldMatch(GenerationRequest request, string fixture)
    {
        var actual = JsonNode.Parse(Wire.Serialize(request));
        var expected = Fixture.Json(fixture);

        JsonNode.DeepEquals(actual, expected).Should().BeTrue(
            "the SDK must send {0} exactly, but sent {1}", expected.ToJsonString(), actual!.ToJsonString());
    }
}
