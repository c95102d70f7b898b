using System.Text;
using FluentAssertions;
using Rivya.Sdk.Testing.Files;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

public class MultipartParserTests
{
    [Fact]
    public void Parts_are_read_with_exact_bytes_names_and_file_names()
    {
        var body = Build(
            "--b1\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nimage\r\n",
            "--b1\r\nContent-Disposition: form-data; name=file; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n",
            "\x89PNG\r\n--not-the-boundary\r\n",
            "\r\n--b1--\r\n");

        MultipartParser.TryParse("multipart/form-data; boundary=\"b1\"", body, out var sections, out var error).Should().BeTrue(error);

        sections.Should().HaveCount(2);
        sections[0].Name.Should().Be("kind");
        sections[0].Text.Should().Be("image");
        sections[0].FileName.Should().BeNull();
        sections[1].Name.Should().Be("file");
        sections[1].FileName.Should().Be("a.png");
        sections[1].ContentType.Should().Be("image/png");
        sections[1].Content.ToArray().Should().Equal(Encoding.Latin1.GetBytes("\x89PNG\r\n--not-the-boundary\r\n"));
    }

    [Fact]
    public void An_encoded_file_name_wins_over_the_plain_one()
    {
        var body = Build("--x\r\nContent-Disposition: form-data; name=file; filename=fallback.png; filename*=utf-8''%C3%A9t%C3%A9.png\r\n\r\nabc\r\n--x--");

        MultipartParser.TryParse("multipart/form-data; boundary=x", body, out var sections, out _).Should().BeTrue();

        sections[0].FileName.Should().Be("été.png");
    }

    [Theory]
    [InlineData("application/json", "must be multipart/form-data")]
    [InlineData("multipart/form-data", "has no boundary")]
    [InlineData(null, "must be multipart/form-data")]
    public void A_content_type_without_a_multipart_boundary_is_refused(string? contentType, string expected)
    {
        MultipartParser.TryParse(contentType, Build("--x\r\n\r\n--x--"), out _, out var error).Should().BeFalse();

        error.Should().Contain(expected);
    }

    [Theory]
    [InlineData("no boundary here", "never occurs")]
    [InlineData("--x\r\nContent-Disposition: form-data; name=a\r\n\r\nunterminated", "not closed")]
    [InlineData("--x\r\nContent-Type: text/plain\r\n\r\nv\r\n--x--", "no 'Content-Disposition")]
    public void A_malformed_body_is_refused(string raw, string expected)
    {
        MultipartParser.TryParse("multipart/form-data; boundary=x", Build(raw), out _, out var error).Should().BeFalse();

        error.Should().Contain(expected);
    }

    private static byte[] Build(params string[] pieces) => Encoding.Latin1.GetBytes(string.Concat(pieces));
}
