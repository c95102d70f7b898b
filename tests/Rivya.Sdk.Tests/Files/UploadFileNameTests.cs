using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

/// <summary>What the file's name may and may not do on the wire: it names the part, never a directory, and never overrules the bytes.</summary>
public sealed class UploadFileNameTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly FilesServer _files = new();

    public UploadFileNameTests() => _files.UploadsAnswer();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_misnamed_file_is_uploaded_with_the_type_its_bytes_show()
    {
        var jpeg = SampleMedia.Jpeg();
        using var temp = TempFile.Create("really-a-jpeg.png", jpeg);
        using var client = _files.Client();

        await client.Files.UploadAsync(FileUpload.FromPath(temp.Path, MediaKind.Image) with { Model = "kling-3-0" }).WaitAsync(Bound);

        var file = _files.Parts().Single(p => p.Name == "file");
        file.ContentType.Should().Be("image/jpeg", "the extension is a hint; the bytes say what the file is");
        file.Parameter("filename").Should().Be("really-a-jpeg.png");
        file.Body.Should().Equal(jpeg);
    }

    [Theory]
    [InlineData("/home/me/cat.png")]
    [InlineData(@"C:\photos\cat.png")]
    public async Task A_file_name_set_to_a_path_sends_only_the_name(string path)
    {
        using var client = _files.Client();

        await client.Files.UploadAsync(FileUpload.FromBytes(SampleMedia.Png(), "cat.png", MediaKind.Image) with { FileName = path }).WaitAsync(Bound);

        var file = _files.Parts().Single(p => p.Name == "file");
        file.Parameter("filename").Should().Be("cat.png");
        var body = Encoding.UTF8.GetString(_files.Requests.Single().BodyAsBytes!);
        body.Should().NotContain("home").And.NotContain("photos", "a directory must never reach the server");
    }
}
