using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Models.Catalog;

/// <summary>
/// One catalogue entry plus one small record is a whole model: validation and wire form follow from them with no
/// other code (the fake server's side: FakeServer/Catalog/FifthModelFakeTests). (<see cref="FifthModelParams"/> lives in the tests; an
/// SDK model adds its entry to <c>ModelCatalog</c>'s list instead.)
/// </summary>
public class FifthModelTests
{
    private const string Prompt = "A paper boat drifting down a rainy street";

    internal static GenerationRequest Request(FifthModelParams parameters, string prompt = Prompt) => new() { Prompt = prompt, Params = parameters };

    [Fact]
    public void Record_and_entry_pass_the_same_walk_as_the_sdk_models()
    {
        RecordWalk.Check(typeof(FifthModelParams), FifthModelParams.Entry);
    }

    [Fact]
    public void Wire_form_follows_from_the_entry()
    {
        var request = Request(new FifthModelParams { Duration = 8, LoopVideo = true, CameraMotion = "PAN", MotionStrength = 1.5, StyleHint = "noir" });

        JsonNode.DeepEquals(
            Wire.Json(request),
            JsonNode.Parse("""
                {"model":"test-fifth-model","prompt":"A paper boat drifting down a rainy street",
                 "params":{"duration":"8","loop_video":"true","camera_motion":"pan","motion_strength":1.5,"style_hint":"noir"}}
                """)).Should().BeTrue(Wire.Serialize(request));
    }

    [Fact]
    public void Validation_applies_the_entry_prompt_limit_options_range_and_reference_rules()
    {
        var parameters = new FifthModelParams
        {
            Duration = 5,
            CameraMotion = "orbit",
            MotionStrength = 2.5,
            ReferenceMediaItems =
            [
                ReferenceMediaItem.Image("https://cdn.example.com/a.png", "image/png"),
                ReferenceMediaItem.Image("https://cdn.example.com/b.jpg", "image/jpeg"),
            ],
        };

        var errors = Request(parameters, new string('p', 301)).Validate();

        errors.Select(e => e.Path).Should().BeEquivalentTo(
            "prompt", "params.duration", "params.camera_motion", "params.motion_strength",
            "params.referenceMediaItems", "params.referenceMediaItems[1].mimeType");
        errors.Single(e => e.Path == "prompt").Message.Should().Contain("at most 300");
        errors.Single(e => e.Path == "params.duration").Message.Should().Contain("4, 8");
        Request(new FifthModelParams { Duration = 4, CameraMotion = "zoom", MotionStrength = 2 }).Validate().Should().BeEmpty();
    }

    [Fact]
    public void Documented_keys_are_refused_in_AdditionalParams_because_each_has_a_typed_property()
    {
        var parameters = new FifthModelParams { AdditionalParams = new JsonObject { ["loop_video"] = "true", ["seed"] = 3 } };

        Request(parameters).Validate().Select(e => e.Path).Should().Equal("params.loop_video");
    }

    [Fact]
    public void A_record_property_missing_from_its_entry_fails_when_the_record_is_first_used()
    {
        var use = () => Wire.Request(new MismatchedParams { Speed = 1 }).Validate();

        use.Should().Throw<TypeInitializationException>()
            .WithInnerException<InvalidOperationException>()
            .WithMessage("*test-fifth-model*no parameter for property 'Speed'*");
    }
}
