using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Validation;

/// <summary>cfg_scale is a finite number from 0 to 1 inclusive, on the two models that document it.</summary>
public class CfgScaleValidationTests
{
    [Theory]
    [InlineData("kling-v2-1-master", 0.0)]
    [InlineData("kling-v2-1-master", 0.5)]
    [InlineData("kling-v2-1-master", 1.0)]
    [InlineData("kling-v2-5-turbo-pro", 0.0)]
    [InlineData("kling-v2-5-turbo-pro", 0.5)]
    [InlineData("kling-v2-5-turbo-pro", 1.0)]
    public void Values_from_0_to_1_inclusive_pass(string modelId, double cfgScale)
    {
        ParamsFor.Errors(ParamsFor.CfgScale(modelId, cfgScale)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("kling-v2-1-master", -0.0001)]
    [InlineData("kling-v2-1-master", 1.0001)]
    [InlineData("kling-v2-1-master", double.NaN)]
    [InlineData("kling-v2-1-master", double.PositiveInfinity)]
    [InlineData("kling-v2-1-master", double.NegativeInfinity)]
    [InlineData("kling-v2-5-turbo-pro", -0.0001)]
    [InlineData("kling-v2-5-turbo-pro", 1.0001)]
    [InlineData("kling-v2-5-turbo-pro", double.NaN)]
    [InlineData("kling-v2-5-turbo-pro", double.PositiveInfinity)]
    [InlineData("kling-v2-5-turbo-pro", double.NegativeInfinity)]
    public void Values_outside_0_to_1_or_not_finite_fail_and_name_the_range(string modelId, double cfgScale)
    {
        var error = ParamsFor.SingleError(ParamsFor.CfgScale(modelId, cfgScale), "params.cfg_scale");

        error.Message.Should().Contain("finite").And.Contain("from 0 to 1 inclusive");
    }

    [Fact]
    public void Negative_zero_is_zero()
    {
        ParamsFor.Errors(ParamsFor.CfgScale("kling-v2-1-master", -0.0)).Should().BeEmpty();
    }

    [Fact]
    public void The_message_shows_the_rejected_value()
    {
        ParamsFor.SingleError(ParamsFor.CfgScale("kling-v2-1-master", 1.0001), "params.cfg_scale").Message.Should().Contain("got 1.0001");
        ParamsFor.SingleError(ParamsFor.CfgScale("kling-v2-1-master", double.NaN), "params.cfg_scale").Message.Should().Contain("got NaN");
    }
}
