using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Validation;

/// <summary>Each select accepts exactly its documented options; the error names them all.</summary>
public class SelectValidationTests
{
    private const string FiveOrTen = "one of 5, 10;";
    private const string ThreeToFifteen = "one of 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15;";

    [Theory]
    [InlineData("kling-v2-1-master", 5)]
    [InlineData("kling-v2-1-master", 10)]
    [InlineData("kling-2-6", 5)]
    [InlineData("kling-2-6", 10)]
    [InlineData("kling-v2-5-turbo-pro", 5)]
    [InlineData("kling-v2-5-turbo-pro", 10)]
    [InlineData("kling-3-0", 3)]
    [InlineData("kling-3-0", 4)]
    [InlineData("kling-3-0", 5)]
    [InlineData("kling-3-0", 6)]
    [InlineData("kling-3-0", 7)]
    [InlineData("kling-3-0", 8)]
    [InlineData("kling-3-0", 9)]
    [InlineData("kling-3-0", 10)]
    [InlineData("kling-3-0", 11)]
    [InlineData("kling-3-0", 12)]
    [InlineData("kling-3-0", 13)]
    [InlineData("kling-3-0", 14)]
    [InlineData("kling-3-0", 15)]
    public void Every_documented_duration_passes(string modelId, int duration)
    {
        ParamsFor.Errors(ParamsFor.Duration(modelId, duration)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("kling-v2-1-master", 4, FiveOrTen)]
    [InlineData("kling-v2-1-master", 6, FiveOrTen)]
    [InlineData("kling-v2-1-master", 11, FiveOrTen)]
    [InlineData("kling-2-6", 4, FiveOrTen)]
    [InlineData("kling-2-6", 6, FiveOrTen)]
    [InlineData("kling-2-6", 11, FiveOrTen)]
    [InlineData("kling-v2-5-turbo-pro", 4, FiveOrTen)]
    [InlineData("kling-v2-5-turbo-pro", 6, FiveOrTen)]
    [InlineData("kling-v2-5-turbo-pro", 11, FiveOrTen)]
    [InlineData("kling-3-0", 2, ThreeToFifteen)]
    [InlineData("kling-3-0", 16, ThreeToFifteen)]
    [InlineData("kling-3-0", 0, ThreeToFifteen)]
    [InlineData("kling-3-0", -5, ThreeToFifteen)]
    public void A_duration_just_outside_the_options_fails_and_names_them(string modelId, int duration, string options)
    {
        var error = ParamsFor.SingleError(ParamsFor.Duration(modelId, duration), "params.duration");

        error.Message.Should().Contain(options).And.Contain($"got '{duration}'");
    }

    [Theory]
    [InlineData("kling-v2-1-master", "16:9")]
    [InlineData("kling-v2-1-master", "9:16")]
    [InlineData("kling-v2-1-master", "1:1")]
    [InlineData("kling-2-6", "1:1")]
    [InlineData("kling-2-6", "16:9")]
    [InlineData("kling-2-6", "9:16")]
    [InlineData("kling-3-0", "16:9")]
    [InlineData("kling-3-0", "9:16")]
    [InlineData("kling-3-0", "1:1")]
    [InlineData("kling-v2-5-turbo-pro", "16:9")]
    [InlineData("kling-v2-5-turbo-pro", "9:16")]
    [InlineData("kling-v2-5-turbo-pro", "1:1")]
    public void Every_documented_aspect_ratio_passes(string modelId, string ratio)
    {
        ParamsFor.Errors(ParamsFor.AspectRatio(modelId, ratio)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("kling-v2-1-master", "4:3", "one of 16:9, 9:16, 1:1;")]
    [InlineData("kling-2-6", "4:3", "one of 1:1, 16:9, 9:16;")]
    [InlineData("kling-3-0", "21:9", "one of 16:9, 9:16, 1:1;")]
    [InlineData("kling-v2-5-turbo-pro", "16:10", "one of 16:9, 9:16, 1:1;")]
    [InlineData("kling-3-0", "16 : 9", "one of 16:9, 9:16, 1:1;")]
    [InlineData("kling-3-0", "", "one of 16:9, 9:16, 1:1;")]
    public void An_undocumented_aspect_ratio_fails_and_names_the_options(string modelId, string ratio, string options)
    {
        var error = ParamsFor.SingleError(ParamsFor.AspectRatio(modelId, ratio), "params.aspect_ratio");

        error.Message.Should().Contain(options).And.Contain($"got '{ratio}'");
    }

    [Fact]
    public void An_aspect_ratio_set_to_the_default_struct_is_rejected_not_sent_blank()
    {
        ParamsFor.SingleError(new Kling30Params { AspectRatio = default(AspectRatio) }, "params.aspect_ratio");
    }

    [Theory]
    [InlineData("std")]
    [InlineData("pro")]
    [InlineData("STD")]
    [InlineData("Pro")]
    public void Both_kling_3_0_modes_pass_in_any_case(string mode)
    {
        ParamsFor.Errors(new Kling30Params { Mode = mode }).Should().BeEmpty();
    }

    [Theory]
    [InlineData("standard")]
    [InlineData("pro ")]
    [InlineData("")]
    public void Another_kling_3_0_mode_fails_and_names_the_options(string mode)
    {
        var error = ParamsFor.SingleError(new Kling30Params { Mode = mode }, "params.mode");

        error.Message.Should().Contain("one of std, pro;").And.Contain($"got '{mode}'");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sound_and_multi_shots_accept_both_values(bool value)
    {
        ParamsFor.Errors(new Kling26Params { Sound = value }).Should().BeEmpty();
        ParamsFor.Errors(new Kling30Params { Sound = value, MultiShots = value }).Should().BeEmpty();
    }

    [Fact]
    public void Negative_prompt_is_free_text()
    {
        ParamsFor.Errors(new KlingV21MasterParams { NegativePrompt = string.Empty }).Should().BeEmpty();
        ParamsFor.Errors(new KlingV25TurboProParams { NegativePrompt = new string('x', 20_000) }).Should().BeEmpty();
    }
}
