using System;
using System.IO;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

public sealed class FileUploadTests
{
    [Fact]
    public void FromPath_keeps_the_name_only_and_with_sets_the_optional_fields()
    {
        var upload = FileUpload.FromPath(Path.Combine("images", "cats", "cat.png"), MediaKind.Image) with
        {
            Model = "kling-3-0",
            ContentType = "image/png",
            ClientRequestId = "order-1",
        };

        upload.FileName.Should().Be("cat.png");
        upload.Kind.Should().Be(MediaKind.Image);
        upload.Model.Should().Be("kling-3-0");
        upload.ContentType.Should().Be("image/png");
        upload.ClientRequestId.Should().Be("order-1");
    }

    [Theory]
    [InlineData("cat.png", "cat.png")]
    [InlineData("/home/ann/cat.png", "cat.png")]
    [InlineData(@"C:\Users\ann\cat.png", "cat.png")]
    [InlineData(@"photos/2026\cat.png", "cat.png")]
    public void FromStream_and_FromBytes_drop_any_directory_from_the_name(string given, string expected)
    {
        FileUpload.FromStream(new MemoryStream(), given, MediaKind.Image).FileName.Should().Be(expected);
        FileUpload.FromBytes(new byte[1], given, MediaKind.Image).FileName.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("photos/")]
    public void A_name_without_a_file_name_is_refused(string fileName)
    {
        var act = () => FileUpload.FromBytes(new byte[1], fileName, MediaKind.Image);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("fileName");
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        FluentActions.Invoking(() => FileUpload.FromPath(null!, MediaKind.Image)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => FileUpload.FromStream(null!, "a.png", MediaKind.Image)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => FileUpload.FromBytes((byte[])null!, "a.png", MediaKind.Image)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => FileUpload.FromBytes(new byte[1], null!, MediaKind.Image)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void A_directory_path_or_an_unreadable_stream_is_refused()
    {
        FluentActions.Invoking(() => FileUpload.FromPath("images" + Path.DirectorySeparatorChar, MediaKind.Image))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("path");
        var closed = new MemoryStream();
        closed.Dispose();
        FluentActions.Invoking(() => FileUpload.FromStream(closed, "a.png", MediaKind.Image))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("stream");
    }

    [Fact]
    public async Task A_relative_path_is_resolved_when_the_upload_is_made()
    {
        using var temp = TempFile.Create("cat.png", SampleMedia.Png());
        var previous = Directory.GetCurrentDirectory();
        FileUpload upload;
        try
        {
            Directory.SetCurrentDirectory(temp.Directory);
            upload = FileUpload.FromPath("cat.png", MediaKind.Image);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }

        var body = await upload.Source.ProbeAsync(default);
        body.Length.Should().Be(4096);
    }
}
