using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using Rivya.Sdk.Testing.Catalog;
using Rivya.Sdk.Testing.Generations;
using Rivya.Sdk.Tests.Models.Catalog;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer.Catalog;

/// <summary>The fake server's side of the fifth model: its entry in the catalogue is all the fake needs.</summary>
public class FifthModelFakeTests
{
    private static GenerationRequest Request(FifthModelParams parameters) => FifthModelTests.Request(parameters);

    [Fact]
    public void Fake_agrees_with_the_sdk_on_every_value_of_the_fifth_model()
    {
        RecordWalk.Check(typeof(FifthModelParams), FifthModelParams.Entry, FakeErrors(FifthModelParams.Catalog));
    }

    [Fact]
    public void Fake_server_validates_the_model_once_its_entry_is_in_the_catalogue()
    {
        var body = Wire.Json(Request(new FifthModelParams { Duration = 8, MotionStrength = 0.5 }));

        GenerationBodyValidator.Validate(body, rejectUnknownParams: true, FifthModelParams.Catalog, out var model).Should().BeEmpty();
        model.Should().BeSameAs(FifthModelParams.Entry);

        GenerationBodyValidator.Validate(body, rejectUnknownParams: true, ModelCatalog.All, out _)
            .Should().ContainSingle().Which.Should().StartWith("model: 'test-fifth-model' is not a known model");

        var refused = Wire.Json(Request(new FifthModelParams { Duration = 8 }) with { Prompt = new string('p', 301) });
        GenerationBodyValidator.Validate(refused, rejectUnknownParams: true, FifthModelParams.Catalog, out _)
            .Should().ContainSingle().Which.Should().StartWith("prompt: must be at most 300 characters");
    }

    [Fact]
    public void Fake_catalogue_lists_the_entry_with_its_parameters()
    {
        using var listed = JsonDocument.Parse(CatalogJsonWriter.Write(FifthModelParams.Catalog));

        var entry = listed.RootElement.GetProperty("data").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "test-fifth-model");
        entry.GetProperty("base_credits").GetDecimal().Should().Be(7);
        entry.GetProperty("max_prompt_length").GetInt32().Should().Be(300);
        entry.GetRawText().Should().Contain("\"motion_strength\"").And.Contain("\"camera_motion\"");
    }

    internal static System.Func<GenerationRequest, IReadOnlyList<string>> FakeErrors(IReadOnlyList<ModelDefinition> catalog) =>
        request => GenerationBodyValidator.Validate(Wire.Json(request), rejectUnknownParams: true, catalog, out _);
}
