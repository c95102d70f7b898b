using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Serialization;

/// <summary>The details of the wire form: what is left out, how each kind of value is typed, text that is not ASCII.</summary>
public class RequestWireFormTests
{
    [Fact]
    public void An_unset_property_is_left_out_so_the_server_default_applies()
    {
        var json = Wire.Json(Wire.Request(new Kling30Params { Duration = 8 }));

        json.Select(p => p.Key).Should().Equal("model", "prompt", "params");
        json["params"]!.AsObject().Select(p => p.Key).Should().Equal("duration");
        json["params"]!["duration"]!.GetValue<string>().Should().Be("8");
    }

    [Theory]
    [InlineData("kling-v2-1-master")]
    [InlineData("kling-2-6")]
    [InlineData("kling-3-0")]
    [InlineData("kling-v2-5-turbo-pro")]
    public void A_record_with_nothing_set_sends_empty_params(string modelId)
    {
        var empty = modelId switch
        {
            "kling-v2-1-master" => (ModelParams)new KlingV21MasterParams(),
            "kling-2-6" => new Kling26Params(),
            "kling-3-0" => new Kling30Params(),
            _ => new KlingV25TurboProParams(),
        };

        var json = Wire.Json(Wire.Request(empty));

        json["model"]!.GetValue<string>().Should().Be(modelId);
        json["params"]!.AsObject().Should().BeEmpty();
    }

    [Fact]
    public void Client_request_id_is_sent_snake_case_only_when_given()
    {
        Wire.Json(Wire.Request(new Kling26Params())).ContainsKey("client_request_id").Should().BeFalse();

        var request = Wire.Request(new Kling26Params()) with { ClientRequestId = "order-123" };
        Wire.Json(request)["client_request_id"]!.GetValue<string>().Should().Be("order-123");
    }

    [Fact]
    public void A_reference_item_sends_only_what_is_set_with_camel_case_keys()
    {
        var bare = new ReferenceMediaItem("https://cdn.example.com/a.png", MediaKind.Image);
        var full = bare with { Name = "a.png", MimeType = "image/png", DurationSeconds = 4.5, DurationToken = "dt_1" };
        var request = Wire.Request(new Kling30Params { ReferenceMediaItems = [bare, full] });

        var items = Wire.Params(request)["referenceMediaItems"]!.AsArray();

        items[0]!.AsObject().Select(p => p.Key).Should().Equal("url", "kind");
        items[1]!.AsObject().Select(p => p.Key).Should().Equal("url", "kind", "name", "mimeType", "durationSeconds", "durationToken");
        items[1]!["durationSeconds"]!.GetValue<double>().Should().Be(4.5);
        items[1]!["kind"]!.GetValue<string>().Should().Be("image");
    }

    [Fact]
    public void Select_values_are_json_strings_and_cfg_scale_a_json_number()
    {
        var kling30 = Wire.Params(Wire.Request(new Kling30Params
        {
            Mode = Kling30Mode.Std,
            MultiShots = true,
            Duration = 15,
            Sound = true,
            AspectRatio = AspectRatio.Portrait,
        }));
        var v21 = Wire.Params(Wire.Request(new KlingV21MasterParams
        {
            Duration = 10,
            AspectRatio = AspectRatio.Square,
            NegativePrompt = "blur",
            CfgScale = 0.25,
        }));

        StringValues(kling30).Should().Equal(
            ("mode", "std"), ("multi_shots", "true"), ("duration", "15"), ("sound", "true"), ("aspect_ratio", "9:16"));
        StringValues(v21).Should().Equal(("duration", "10"), ("aspect_ratio", "1:1"), ("negative_prompt", "blur"));
        v21["cfg_scale"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        v21["cfg_scale"]!.GetValue<double>().Should().Be(0.25);
    }

    [Theory]
    [InlineData(false, "false")]
    [InlineData(true, "true")]
    public void Booleans_are_sent_as_the_strings_the_docs_show(bool value, string wire)
    {
        var kling26 = Wire.Params(Wire.Request(new Kling26Params { Sound = value }));
        var kling30 = Wire.Params(Wire.Request(new Kling30Params { Sound = value, MultiShots = value }));

        kling26["sound"]!.GetValueKind().Should().Be(JsonValueKind.String);
        kling26["sound"]!.GetValue<string>().Should().Be(wire);
        kling30["sound"]!.GetValue<string>().Should().Be(wire);
        kling30["multi_shots"]!.GetValueKind().Should().Be(JsonValueKind.String);
        kling30["multi_shots"]!.GetValue<string>().Should().Be(wire);
    }

    [Theory]
    [InlineData("kling-v2-1-master", Documented.ThaiNegativePrompt)]
    [InlineData("kling-v2-5-turbo-pro", Documented.VietnameseNegativePrompt)]
    public void Non_ascii_negative_prompts_round_trip(string modelId, string negativePrompt)
    {
        var parameters = Documented.MinimalParams(modelId);
        var request = Wire.Request(parameters, prompt: "Cảnh quay sản phẩm, ภาพยนตร์ 🎬");

        var json = Wire.Json(request);

        json["params"]!["negative_prompt"]!.GetValue<string>().Should().Be(negativePrompt);
        json["prompt"]!.GetValue<string>().Should().Be("Cảnh quay sản phẩm, ภาพยนตร์ 🎬");
    }

    [Fact]
    public void Raw_params_send_their_object_as_params_with_any_model_id()
    {
        var raw = new JsonObject
        {
            ["quality"] = "ultra",
            ["steps"] = 30,
            ["loop"] = true,
            ["camera"] = new JsonObject { ["motion"] = "dolly", ["speed"] = 0.75 },
            ["seeds"] = new JsonArray(1, 2, 3),
        };
        var request = Wire.Request(new RawModelParams("acme-video-9", raw.DeepClone().AsObject()), prompt: "anything");

        var json = Wire.Json(request);

        json["model"]!.GetValue<string>().Should().Be("acme-video-9");
        json["prompt"]!.GetValue<string>().Should().Be("anything");
        JsonNode.DeepEquals(json["params"], raw).Should().BeTrue("params must be the raw object as given, but was {0}", json["params"]!.ToJsonString());
    }

    [Fact]
    public void Raw_params_also_carry_reference_items()
    {
        var request = Wire.Request(new RawModelParams("kling-3-0", new JsonObject { ["duration"] = "5" })
        {
            ReferenceMediaItems = [Documented.ReferenceImage],
        });

        var parameters = Wire.Params(request);

        parameters["duration"]!.GetValue<string>().Should().Be("5");
        parameters["referenceMediaItems"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public void Additional_params_are_written_beside_the_typed_ones()
    {
        var request = Wire.Request(new Kling30Params
        {
            Duration = 5,
            AdditionalParams = new JsonObject { ["camera_motion"] = "pan_left", ["seed"] = 42, ["style"] = null },
        });

        var parameters = Wire.Params(request);

        parameters["duration"]!.GetValue<string>().Should().Be("5");
        parameters["camera_motion"]!.GetValue<string>().Should().Be("pan_left");
        parameters["seed"]!.GetValue<int>().Should().Be(42);
        parameters.ContainsKey("style").Should().BeTrue("an explicit null is the caller's choice and is sent");
        parameters["style"].Should().BeNull();
    }

    [Theory]
    [InlineData("PRO", "pro")]
    [InlineData("Std", "std")]
    public void A_known_option_in_another_case_is_sent_in_its_documented_spelling(string given, string sent)
    {
        var request = Wire.Request(new Kling30Params { Mode = given });

        request.Validate().Should().BeEmpty();
        Wire.Params(request)["mode"]!.GetValue<string>().Should().Be(sent);
    }

    [Fact]
    public void An_unknown_option_is_sent_as_given_when_validation_is_skipped()
    {
        var parameters = Wire.Params(Wire.Request(new Kling30Params { Mode = "turbo", Duration = 42, AspectRatio = "4:3" }));

        parameters["mode"]!.GetValue<string>().Should().Be("turbo");
        parameters["duration"]!.GetValue<string>().Should().Be("42");
        parameters["aspect_ratio"]!.GetValue<string>().Should().Be("4:3");
    }

    private static (string Key, string Value)[] StringValues(JsonObject parameters) =>
        parameters
            .Where(p => p.Value!.GetValueKind() == JsonValueKind.String)
            .Select(p => (p.Key, p.Value!.GetValue<string>()))
            .ToArray();
}
