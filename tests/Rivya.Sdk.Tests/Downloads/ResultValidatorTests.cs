using System;
using System.Net.Http;
using FluentAssertions;
using Rivya.Sdk.Downloads;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>The ETag is kept as its raw header text; only a plain strong tag may condition a resume (<c>If-Range</c>).</summary>
public sealed class ResultValidatorTests
{
    [Theory]
    [InlineData("\"v1-614400\"", "\"v1-614400\"")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("W/\"v1\"", null)]
    [InlineData("\"a\\\"b\"", null)]
    [InlineData("\"a\\\\\"", null)]
    [InlineData("\"caf\u00e9\"", null)]
    [InlineData("v1", null)]
    [InlineData("\"v1\" \"v2\"", null)]
    public void Only_a_plain_strong_ETag_is_kept(string header, string? expected)
    {
        using var response = new HttpResponseMessage { Content = new ByteArrayContent([]) };
        response.Headers.TryAddWithoutValidation("ETag", header);

        var validator = ResultValidator.From(response, total: 10);

        validator.ETag.Should().Be(expected);
        var condition = validator.Condition();
        if (expected is null)
        {
            condition.Should().BeNull("no ETag and no Last-Modified: nothing to condition a resume on");
        }
        else
        {
            condition!.EntityTag!.Tag.Should().Be(expected, "the resume sends back exactly the tag the server gave");
        }
    }

    [Fact]
    public void Two_answers_with_the_same_tag_are_the_same_bytes_and_a_different_tag_is_not()
    {
        ResultValidator With(string etag)
        {
            var response = new HttpResponseMessage { Content = new ByteArrayContent([]) };
            response.Headers.TryAddWithoutValidation("ETag", etag);
            return ResultValidator.From(response, total: 10);
        }

        With("\"v1\"").SameAs(With("\"v1\"")).Should().BeTrue();
        With("\"v1\"").SameAs(With("\"v2\"")).Should().BeFalse();
    }
}
