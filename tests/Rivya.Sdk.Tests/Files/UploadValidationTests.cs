using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

/// <summary>Every refusal happens before anything is sent: the server sees no request at all.</summary>
public sealed class UploadValidationTests : IDisposable
{
    private const long TenMegabytes = 10L * 1024 * 1024;
    private readonly FilesServer _files = new();

    public UploadValidationTests() => _files.UploadsAnswer();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_oversized_image_file_is_refused_before_sending()
    {
        using var temp = TempFile.CreateSized("big.png", SampleMedia.PngSignature, TenMegabytes + 1);

        var error = await RefusedAsync(FileUpload.FromPath(temp.Path, MediaKind.Image));

        error.Errors.Should().ContainSingle().Which.Path.Should().Be("file.size");
        error.Errors[0].Message.Should().Contain("10,485,761 bytes").And.Contain("image files may be at most 10 MB");
    }

    [Fact]
    public async Task A_file_at_the_limit_is_sent()
    {
        using var temp = TempFile.CreateSized("big.png", SampleMedia.PngSignature, TenMegabytes);
        using var client = _files.Client();

        await client.Files.UploadAsync(FileUpload.FromPath(temp.Path, MediaKind.Image)).Bound();

        _files.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task An_oversized_seekable_stream_is_refused_before_sending()
    {
        using var stream = new MemoryStream();
        stream.Write(SampleMedia.PngSignature);
        stream.SetLength(TenMegabytes + 1);
        stream.Position = 0;

        var error = await RefusedAsync(FileUpload.FromStream(stream, "big.png", MediaKind.Image));

        error.Errors.Single().Path.Should().Be("file.size");
    }

    [Fact]
    public async Task A_png_content_type_over_jpeg_bytes_is_refused()
    {
        var error = await RefusedAsync(FileUpload.FromBytes(SampleMedia.Jpeg(), "cat.bin", MediaKind.Image) with { ContentType = "image/png" });

        error.Errors.Single().Message.Should().Be("ContentType says image/png, but the file's bytes are image/jpeg.");
    }

    [Fact]
    public async Task A_png_name_over_bytes_that_are_no_media_at_all_is_refused()
    {
        var error = await RefusedAsync(FileUpload.FromBytes(SampleMedia.Text(), "cat.png", MediaKind.Image));

        var only = error.Errors.Single();
        only.Path.Should().Be("file.contentType");
        only.Message.Should().Contain("match no known media signature").And.Contain("not image/png");
    }

    [Fact]
    public async Task A_file_whose_type_cannot_be_told_is_refused()
    {
        var error = await RefusedAsync(FileUpload.FromBytes(SampleMedia.Text(), "notes.bin", MediaKind.Image));

        error.Errors.Single().Message.Should().Contain("set FileUpload.ContentType");
    }

    [Fact]
    public async Task A_video_for_a_kling_model_is_refused_as_the_wrong_kind()
    {
        var error = await RefusedAsync(FileUpload.FromBytes(SampleMedia.Mp4(), "clip.mp4", MediaKind.Video) with { Model = "kling-3-0" });

        var only = error.Errors.Should().ContainSingle().Subject;
        only.Path.Should().Be("kind");
        only.Message.Should().Be("kling-3-0 accepts image reference files only; got video.");
    }

    [Fact]
    public async Task Video_bytes_uploaded_as_an_image_are_refused_naming_the_type_found()
    {
        var error = await RefusedAsync(FileUpload.FromBytes(SampleMedia.Mp4(), "still.bin", MediaKind.Image));

        error.Errors.Single().Message.Should().StartWith("video/mp4 is not accepted for image files");
    }

    [Fact]
    public async Task A_kind_the_files_api_does_not_document_is_refused()
    {
        var error = await RefusedAsync(FileUpload.FromBytes(SampleMedia.Png(), "cat.png", new MediaKind("document")));

        error.Errors.Single().Path.Should().Be("kind");
    }

    [Fact]
    public async Task A_client_request_id_over_128_characters_is_refused()
    {
        var error = await RefusedAsync(FileUpload.FromBytes(SampleMedia.Png(), "cat.png", MediaKind.Image) with { ClientRequestId = new string('x', 129) });

        var only = error.Errors.Single();
        only.Path.Should().Be("client_request_id");
        only.Message.Should().Contain("129");
    }

    [Fact]
    public async Task A_client_request_id_of_128_characters_is_sent()
    {
        using var client = _files.Client();

        await client.Files.UploadAsync(FileUpload.FromBytes(SampleMedia.Png(), "cat.png", MediaKind.Image) with { ClientRequestId = new string('x', 128) }).Bound();

        _files.Parts().Single(p => p.Name == "client_request_id").Text.Should().HaveLength(128);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        using var temp = TempFile.Create("cat.png", []);

        var error = await RefusedAsync(FileUpload.FromPath(temp.Path, MediaKind.Image));

        error.Errors.Single().Should().Be(new ValidationError("file.size", "the file is empty."));
    }

    [Fact]
    public async Task An_empty_non_seekable_stream_is_refused()
    {
        var error = await RefusedAsync(FileUpload.FromStream(new NonSeekableStream([]), "cat.png", MediaKind.Image));

        error.Errors.Single().Path.Should().Be("file.size");
    }

    [Fact]
    public async Task Every_problem_is_listed_at_once()
    {
        var upload = FileUpload.FromBytes(SampleMedia.Jpeg(), "cat.png", MediaKind.Video) with
        {
            Model = "kling-v2-5-turbo-pro",
            ClientRequestId = new string('x', 200),
        };

        var error = await RefusedAsync(upload);

        error.Errors.Select(e => e.Path).Should().BeEquivalentTo("kind", "client_request_id", "file.contentType");
    }

    [Fact]
    public async Task A_content_type_that_is_not_a_mime_type_is_refused()
    {
        var error = await RefusedAsync(FileUpload.FromBytes(SampleMedia.Png(), "cat.png", MediaKind.Image) with { ContentType = "png\r\nX-Injected: 1" });

        error.Errors.Single().Path.Should().Be("file.contentType");
    }

    [Fact]
    public async Task A_missing_file_throws_FileNotFoundException_and_sends_nothing()
    {
        using var client = _files.Client();
        var missing = Path.Combine(Path.GetTempPath(), "rivya-no-such-" + Guid.NewGuid().ToString("N"), "cat.png");

        var act = () => client.Files.UploadAsync(FileUpload.FromPath(missing, MediaKind.Image));

        await act.Should().ThrowAsync<IOException>();
        _files.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_an_api_key_nothing_is_sent()
    {
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = null, BaseAddress = new Uri(_files.Server.Url!) });
        var act = () => client.Files.UploadAsync(FileUpload.FromBytes(SampleMedia.Png(), "cat.png", MediaKind.Image));

        // The test run sets no RIVYA_API_KEY, so the client has no key at all.
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*RIVYA_API_KEY*");
        _files.Requests.Should().BeEmpty();
    }

    private async Task<RivyaValidationException> RefusedAsync(FileUpload upload)
    {
        using var client = _files.Client();
        var act = () => client.Files.UploadAsync(upload);
        var thrown = await act.Should().ThrowAsync<RivyaValidationException>();
        _files.Requests.Should().BeEmpty("a refused upload sends nothing");
        return thrown.Which;
    }
}
