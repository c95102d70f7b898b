using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

/// <summary>The Files API's documented default limits per kind.</summary>
public class FileKindRulesTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Images_take_10_mb_of_jpeg_png_or_webp()
    {
        var rules = FileKindRules.For(MediaKind.Image);

        rules.Should().BeSameAs(FileKindRules.Image);
        rules!.Kind.Should().Be(MediaKind.Image);
        rules.MaxSizeBytes.Should().Be(10 * MiB);
        rules.MimeTypes.Should().BeEquivalentTo("image/jpeg", "image/png", "image/webp");
    }

    [Fact]
    public void Videos_take_50_mb_of_mp4_quicktime_or_webm()
    {
        var rules = FileKindRules.For(MediaKind.Video);

        rules.Should().BeSameAs(FileKindRules.Video);
        rules!.Kind.Should().Be(MediaKind.Video);
        rules.MaxSizeBytes.Should().Be(50 * MiB);
        rules.MimeTypes.Should().BeEquivalentTo("video/mp4", "video/quicktime", "video/webm");
    }

    [Fact]
    public void Audio_takes_10_mb_of_the_six_documented_types()
    {
        var rules = FileKindRules.For(MediaKind.Audio);

        rules.Should().BeSameAs(FileKindRules.Audio);
        rules!.Kind.Should().Be(MediaKind.Audio);
        rules.MaxSizeBytes.Should().Be(10 * MiB);
        rules.MimeTypes.Should().BeEquivalentTo("audio/mpeg", "audio/mp4", "audio/wav", "audio/x-wav", "audio/aac", "audio/ogg");
    }

    [Fact]
    public void A_kind_in_another_case_finds_its_rules()
    {
        FileKindRules.For("VIDEO").Should().BeSameAs(FileKindRules.Video);
    }

    [Fact]
    public void An_undocumented_kind_has_no_rules()
    {
        FileKindRules.For("document").Should().BeNull();
        FileKindRules.For(default).Should().BeNull();
    }

    [Theory]
    [InlineData("image", "image/png", true)]
    [InlineData("image", "IMAGE/WEBP", true)]
    [InlineData("image", "image/jpeg; q=0.9", true)]
    [InlineData("image", "image/gif", false)]
    [InlineData("image", "video/mp4", false)]
    [InlineData("video", "Video/MP4; codecs=avc1", true)]
    [InlineData("video", "video/x-msvideo", false)]
    [InlineData("audio", "audio/x-wav", true)]
    [InlineData("audio", "audio/flac", false)]
    [InlineData("audio", "", false)]
    public void Mime_types_are_checked_per_kind_ignoring_case_and_parameters(string kind, string mimeType, bool allowed)
    {
        FileKindRules.For(kind)!.IsAllowedMimeType(mimeType).Should().Be(allowed);
    }

    [Fact]
    public void Every_detectable_signature_is_allowed_for_some_kind()
    {
        foreach (var mimeType in new[] { "image/png", "image/jpeg", "image/webp", "video/mp4", "video/quicktime", "video/webm", "audio/mpeg", "audio/mp4", "audio/wav", "audio/ogg", "audio/aac" })
        {
            (FileKindRules.Image.IsAllowedMimeType(mimeType)
             || FileKindRules.Video.IsAllowedMimeType(mimeType)
             || FileKindRules.Audio.IsAllowedMimeType(mimeType)).Should().BeTrue(mimeType);
        }
    }
}
