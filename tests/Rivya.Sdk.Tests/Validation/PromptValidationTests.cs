using System.Text;
using FluentAssertions;
using Rivya.Sdk.Tests.Models.Catalog;
using Xunit;

namespace Rivya.Sdk.Tests.Validation;

public class PromptValidationTests
{
    public static readonly TheoryData<string, string?> BlankPrompts = BuildBlankPrompts();

    [Theory]
    [MemberData(nameof(BlankPrompts))]
    public void A_missing_or_blank_prompt_is_rejected(string recordName, string? prompt)
    {
        var error = ParamsFor.SingleError(CatalogRecords.Full(CatalogRecords.SdkRecordType(recordName)), "prompt", prompt!);

        error.Message.Should().Contain("required").And.Contain("blank");
    }

    [Theory]
    [InlineData("kling-v2-1-master", 5000)]
    [InlineData("kling-2-6", 1000)]
    [InlineData("kling-3-0", 2000)]
    [InlineData("kling-v2-5-turbo-pro", 2500)]
    public void A_prompt_at_the_models_limit_passes(string modelId, int limit)
    {
        ParamsFor.Errors(Documented.MinimalParams(modelId), new string('a', limit)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("kling-v2-1-master", 5000)]
    [InlineData("kling-2-6", 1000)]
    [InlineData("kling-3-0", 2000)]
    [InlineData("kling-v2-5-turbo-pro", 2500)]
    public void A_prompt_one_over_the_models_limit_fails(string modelId, int limit)
    {
        var error = ParamsFor.SingleError(Documented.MinimalParams(modelId), "prompt", new string('a', limit + 1));

        error.Message.Should().Contain($"at most {limit} characters").And.Contain(modelId).And.Contain($"got {limit + 1}");
    }

    [Fact]
    public void Prompt_length_is_counted_in_utf16_code_units_as_the_readme_assumes()
    {
        // 🎬 is one character to a reader but two UTF-16 code units (a surrogate pair), as JavaScript's length counts it.
        var atLimit = new StringBuilder().Insert(0, "🎬", 500).ToString();
        var overLimit = atLimit + "a";

        atLimit.Length.Should().Be(1000);
        ParamsFor.Errors(new Kling26Params(), atLimit).Should().BeEmpty();
        ParamsFor.SingleError(new Kling26Params(), "prompt", overLimit);
    }

    [Fact]
    public void A_prompt_is_not_trimmed_before_it_is_counted()
    {
        ParamsFor.SingleError(new Kling26Params(), "prompt", " " + new string('a', 1000));
    }

    private static TheoryData<string, string?> BuildBlankPrompts()
    {
        var data = new TheoryData<string, string?>();
        foreach (var model in CatalogRecords.SdkRecordNames)
        {
            foreach (var prompt in new[] { null, string.Empty, " ", "   ", "\t\r\n", "\u00A0\u2003" })
            {
                data.Add(model, prompt);
            }
        }

        return data;
    }
}
