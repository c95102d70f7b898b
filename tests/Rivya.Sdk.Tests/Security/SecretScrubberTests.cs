using FluentAssertions;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;
using Xunit;

namespace Rivya.Sdk.Tests.Security;

/// <summary>The one scrubber: the key raw or in any JSON-escaped form, a cut-off tail of it, and control characters.</summary>
public sealed class SecretScrubberTests
{
    private const string Key = "rvya_sk_ab/c";

    [Theory]
    [InlineData("key rvya_sk_ab/c!", "key ***!")]
    [InlineData("key rvya_sk_ab\\/c!", "key ***!")]
    [InlineData("key \\u0072vya_sk_ab/c!", "key ***!")]
    [InlineData("key r\\u0076y\\u0061_sk_\\u0061b\\u002Fc!", "key ***!")]
    [InlineData("twice rvya_sk_ab/crvya_sk_ab\\u002fc", "twice ******")]
    [InlineData("not rvya_sk_ab/x", "not rvya_sk_ab/x")]
    [InlineData("not \\u0072vya_sk_ab\\u002", "not \\u0072vya_sk_ab\\u002")]
    public void Masks_the_key_raw_or_escaped(string text, string expected) =>
        SecretScrubber.Scrub(text, Key).Should().Be(expected);

    [Theory]
    [InlineData("cut rvya_sk_a", "cut ***")]
    [InlineData("cut rvya_sk_\\u006", "cut ***")]
    [InlineData("cut rvya_sk_\\", "cut ***")]
    public void Masks_a_trailing_start_of_the_key_when_the_text_was_cut(string text, string expected) =>
        SecretScrubber.Scrub(text, Key, wasCut: true).Should().Be(expected);

    [Fact]
    public void Escapes_every_control_and_bidi_character_and_leaves_other_text_alone()
    {
        SecretScrubber.EscapeControls("a\r\nb\tc\0d\u001be\u0007f\u0085g\u202eh\u2028i").Should().Be("a\\r\\nb\\tc\\0d\\u001Be\\u0007f\\u0085g\\u202Eh\\u2028i");
        const string plain = "caf\u00e9 \u4e2d (ok)";
        SecretScrubber.EscapeControls(plain).Should().BeSameAs(plain);
        SecretScrubber.Clean("x\r\n" + Key, Key).Should().Be("x\\r\\n***");
    }
}
