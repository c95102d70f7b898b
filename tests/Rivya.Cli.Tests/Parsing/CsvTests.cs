using FluentAssertions;
using Rivya.Cli.Batches;
using Xunit;

namespace Rivya.Cli.Tests.Parsing;

public class CsvTests
{
    [Fact]
    public void Quoted_fields_hold_commas_line_breaks_and_doubled_quotes()
    {
        var records = Csv.Parse("model,prompt\r\nkling-3-0,\"a fox, \"\"red\"\"\nin snow\"\r\n\"kling-2-6\",plain\n", out var error);

        error.Should().BeNull();
        records.Should().HaveCount(3);
        records[1].Should().Equal("kling-3-0", "a fox, \"red\"\nin snow");
        records[2].Should().Equal("kling-2-6", "plain");
    }

    [Fact]
    public void Empty_fields_and_blank_lines_and_a_missing_last_newline()
    {
        var records = Csv.Parse("a,b,c\n\n1,,3\n,,", out var error);

        error.Should().BeNull();
        records.Should().HaveCount(3);
        records[1].Should().Equal("1", string.Empty, "3");
        records[2].Should().Equal(string.Empty, string.Empty, string.Empty);
    }

    [Theory]
    [InlineData("a,b\n\"open,1\n", "not closed")]
    [InlineData("a,b\nx\"y,1\n", "inside an unquoted field")]
    [InlineData("a,b\n\"x\"y,1\n", "closing quote must end")]
    public void Malformed_quoting_is_an_error_naming_the_record(string text, string message)
    {
        Csv.Parse(text, out var error);

        error.Should().Contain("record 2").And.Contain(message);
    }
}
