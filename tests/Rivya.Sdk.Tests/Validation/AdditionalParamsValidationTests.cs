using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Validation;

/// <summary>AdditionalParams carry keys newer than the SDK; a documented key must go through its typed property.</summary>
public class AdditionalParamsValidationTests
{
    [Theory]
    [InlineData("kling-v2-1-master", "duration")]
    [InlineData("kling-v2-1-master", "aspect_ratio")]
    [InlineData("kling-v2-1-master", "negative_prompt")]
    [InlineData("kling-v2-1-master", "cfg_scale")]
    [InlineData("kling-2-6", "duration")]
    [InlineData("kling-2-6", "sound")]
    [InlineData("kling-2-6", "aspect_ratio")]
    [InlineData("kling-3-0", "mode")]
    [InlineData("kling-3-0", "multi_shots")]
    [InlineData("kling-3-0", "duration")]
    [InlineData("kling-3-0", "sound")]
    [InlineData("kling-3-0", "aspect_ratio")]
    [InlineData("kling-v2-5-turbo-pro", "duration")]
    [InlineData("kling-v2-5-turbo-pro", "cfg_scale")]
    [InlineData("kling-3-0", "referenceMediaItems")]
    public void A_documented_key_in_additional_params_is_rejected(string modelId, string key)
    {
        var parameters = Documented.MinimalParams(modelId) with { AdditionalParams = new JsonObject { [key] = "5" } };

        var error = ParamsFor.SingleError(parameters, "params." + key);

        error.Message.Should().Contain("typed property");
    }

    [Fact]
    public void An_undocumented_key_in_additional_params_passes()
    {
        var parameters = new Kling30Params { AdditionalParams = new JsonObject { ["camera_motion"] = "pan", ["cfg_scale"] = 7 } };

        ParamsFor.Errors(parameters).Should().BeEmpty("kling-3-0 documents no cfg_scale, so the server decides");
    }

    [Fact]
    public void Raw_params_are_left_to_the_server()
    {
        var parameters = new RawModelParams("kling-3-0", new JsonObject { ["duration"] = "99", ["aspect_ratio"] = "7:3" })
        {
            ReferenceMediaItems =
            [
                new ReferenceMediaItem("ftp://x/a.mp4", MediaKind.Video) { MimeType = "video/mp4" },
                new ReferenceMediaItem("relative.wav", MediaKind.Audio),
                new ReferenceMediaItem("x", MediaKind.Audio),
            ],
            AdditionalParams = new JsonObject { ["duration"] = "5" },
        };

        ParamsFor.Errors(parameters, prompt: new string('a', 100_000)).Should().BeEmpty();
        ParamsFor.Errors(parameters, prompt: "   ").Should().BeEmpty();
        ParamsFor.Errors(parameters, prompt: null!).Should().BeEmpty();
    }

    [Fact]
    public void Missing_params_are_reported()
    {
        var request = new GenerationRequest { Prompt = Documented.Prompt, Params = null! };

        var error = request.Validate().Should().ContainSingle().Subject;

        error.Path.Should().Be("params");
    }
}
