using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

public sealed class UploadContentTypesTests
{
    [Theory]
    [InlineData("a.png", "image/png")]
    [InlineData("a.JPG", "image/jpeg")]
    [InlineData("a.jpeg", "image/jpeg")]
    [InlineData("a.webp", "image/webp")]
    [InlineData("a.mp4", "video/mp4")]
    [InlineData("a.mov", "video/quicktime")]
    [InlineData("a.webm", "video/webm")]
    [InlineData("a.mp3", "audio/mpeg")]
    [InlineData("a.m4a", "audio/mp4")]
    [InlineData("a.wav", "audio/wav")]
    [InlineData("a.ogg", "audio/ogg")]
    [InlineData("a.aac", "audio/aac")]
    [InlineData("a.bin", null)]
    [InlineData("png", null)]
    public void The_extension_implies_a_type(string fileName, string? expected) =>
        UploadContentTypes.FromExtension(fileName).Should().Be(expected);

    [Theory]
    [InlineData("image/png", "image/png", true)]
    [InlineData("IMAGE/PNG; q=1", "image/png", true)]
    [InlineData("audio/x-wav", "audio/wav", true)]
    [InlineData("audio/mp4", "video/mp4", true)]
    [InlineData("video/quicktime", "video/mp4", true)]
    [InlineData("image/jpg", "image/jpeg", true)]
    [InlineData("image/png", "image/jpeg", false)]
    [InlineData("video/mp4", "video/webm", false)]
    [InlineData("image/gif", "image/gif", false)]
    public void Declared_types_agree_with_detected_ones_of_the_same_container(string declared, string detected, bool agree) =>
        UploadContentTypes.Agree(declared, detected).Should().Be(agree);

    [Theory]
    [InlineData("video/mp4", "audio", "audio/mp4")]
    [InlineData("video/mp4", "video", "video/mp4")]
    [InlineData("image/png", "audio", "image/png")]
    public void An_mp4_container_uploaded_as_audio_is_audio_mp4(string detected, string kind, string expected) =>
        UploadContentTypes.ForKind(detected, new MediaKind(kind)).Should().Be(expected);
}
