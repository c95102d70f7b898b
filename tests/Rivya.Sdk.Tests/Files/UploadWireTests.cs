using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

public sealed class UploadWireTests : IDisposable
{
    private readonly FilesServer _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_path_upload_sends_kind_model_client_request_id_and_the_file_under_its_name_only_with_the_sniffed_type()
    {
        _files.UploadsAnswer();
        var png = SampleMedia.Png();
        using var temp = TempFile.Create("cat.png", png);
        using var client = _files.Client();

        var file = await client.Files.UploadAsync(
            FileUpload.FromPath(temp.Path, MediaKind.Image) with { Model = "kling-3-0", ClientRequestId = "order-123" }).Bound();

        file.Id.Should().Be("file_7f3a");
        var request = _files.Requests.Single();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/api/v1/files");
        request.Headers!["Authorization"].Single().Should().Be("Bearer " + TestKeys.ApiKey);
        request.Headers!["Content-Type"].Single().Should().StartWith("multipart/form-data; boundary=");
        var parts = _files.Parts();
        parts.Select(p => p.Name).Should().Equal("kind", "model", "client_request_id", "file");
        parts[0].Text.Should().Be("image");
        parts[1].Text.Should().Be("kling-3-0");
        parts[2].Text.Should().Be("order-123");
        parts[0].ContentType.Should().BeNull("text fields go as browsers send them");
        var filePart = parts[3];
        filePart.Disposition.Should().Be("form-data; name=\"file\"; filename=\"cat.png\"");
        filePart.ContentType.Should().Be("image/png");
        filePart.Body.Should().Equal(png);
        Encoding.UTF8.GetString(request.BodyAsBytes!).Should().NotContain(temp.Directory, "only the name goes on the wire");
    }

    [Fact]
    public async Task A_path_upload_declares_its_length_instead_of_being_chunked()
    {
        _files.UploadsAnswer();
        using var temp = TempFile.Create("cat.png", SampleMedia.Png(200_000));
        using var client = _files.Client();

        await client.Files.UploadAsync(FileUpload.FromPath(temp.Path, MediaKind.Image)).Bound();

        var request = _files.Requests.Single();
        request.Headers!["Content-Length"].Single().Should().Be(request.BodyAsBytes!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers!.ContainsKey("Transfer-Encoding").Should().BeFalse();
    }

    [Fact]
    public async Task Without_model_or_client_request_id_only_kind_and_file_are_sent_with_a_generated_idempotency_key()
    {
        _files.UploadsAnswer();
        using var client = _files.Client();

        await client.Files.UploadAsync(FileUpload.FromBytes(SampleMedia.Png(), "cat.png", MediaKind.Image)).Bound();

        _files.Parts().Select(p => p.Name).Should().Equal("kind", "file");
        Guid.TryParse(_files.Requests.Single().Headers!["Idempotency-Key"].Single(), out _).Should().BeTrue();
    }

    [Fact]
    public async Task The_callers_idempotency_key_is_sent()
    {
        _files.UploadsAnswer();
        using var client = _files.Client();

        await client.Files.UploadAsync(FileUpload.FromBytes(SampleMedia.Png(), "cat.png", MediaKind.Image), new RequestOptions { IdempotencyKey = "upload-cat-1" }).Bound();

        _files.Requests.Single().Headers!["Idempotency-Key"].Single().Should().Be("upload-cat-1");
    }

    [Fact]
    public async Task A_bin_file_is_sent_with_the_type_its_bytes_show()
    {
        _files.UploadsAnswer();
        using var client = _files.Client();

        await client.Files.UploadAsync(FileUpload.FromBytes(SampleMedia.Jpeg(), "photo.bin", MediaKind.Image)).Bound();

        var file = _files.Parts().Single(p => p.Name == "file");
        file.ContentType.Should().Be("image/jpeg");
        file.Parameter("filename").Should().Be("photo.bin");
    }

    [Fact]
    public async Task The_callers_content_type_wins_when_the_bytes_agree_with_it()
    {
        _files.UploadsAnswer();
        using var client = _files.Client();

        await client.Files.UploadAsync(FileUpload.FromBytes(SampleMedia.Wav(), "voice.bin", MediaKind.Audio) with { ContentType = "audio/x-wav" }).Bound();

        _files.Parts().Single(p => p.Name == "file").ContentType.Should().Be("audio/x-wav", "the bytes say audio/wav, the same thing");
    }

    [Fact]
    public async Task An_mp4_container_uploaded_as_audio_is_declared_audio_mp4()
    {
        _files.UploadsAnswer();
        using var client = _files.Client();

        await client.Files.UploadAsync(FileUpload.FromBytes(SampleMedia.Mp4(), "voice.m4a", MediaKind.Audio)).Bound();

        _files.Parts().Single(p => p.Name == "file").ContentType.Should().Be("audio/mp4");
    }

    [Fact]
    public async Task A_stream_name_with_a_directory_goes_on_the_wire_as_the_name_only()
    {
        _files.UploadsAnswer();
        using var client = _files.Client();
        using var stream = new System.IO.MemoryStream(SampleMedia.Png());

        await client.Files.UploadAsync(FileUpload.FromStream(stream, @"C:\Users\ann\Pictures\cat.png", MediaKind.Image)).Bound();

        _files.Parts().Single(p => p.Name == "file").Parameter("filename").Should().Be("cat.png");
    }

    [Fact]
    public async Task A_non_ascii_name_arrives_readable()
    {
        _files.UploadsAnswer();
        using var client = _files.Client();

        await client.Files.UploadAsync(FileUpload.FromBytes(SampleMedia.Png(), "котик \"1\".png", MediaKind.Image)).Bound();

        // Every build writes the form's bytes itself, so the netstandard2.0 build sends UTF-8 as well.
        _files.Parts().Single(p => p.Name == "file").Disposition.Should().Be("form-data; name=\"file\"; filename=\"котик %221%22.png\"");
    }

    [Fact]
    public async Task A_non_seekable_stream_is_sent_whole_including_the_bytes_read_to_sniff_its_type()
    {
        _files.UploadsAnswer();
        using var client = _files.Client();
        var png = SampleMedia.Png(100_000);
        using var stream = new NonSeekableStream(png);

        await client.Files.UploadAsync(FileUpload.FromStream(stream, "cat.png", MediaKind.Image)).Bound();

        var file = _files.Parts().Single(p => p.Name == "file");
        file.Body.Should().Equal(png);
        file.ContentType.Should().Be("image/png");
        stream.IsDisposed.Should().BeFalse("the caller owns the stream");
    }

    [Fact]
    public async Task A_seekable_stream_is_sent_from_its_position_and_left_open()
    {
        _files.UploadsAnswer();
        using var client = _files.Client();
        var png = SampleMedia.Png();
        using var stream = new TrackingMemoryStream([0xAA, 0xBB, 0xCC, .. png]);
        stream.Position = 3;

        await client.Files.UploadAsync(FileUpload.FromStream(stream, "cat.png", MediaKind.Image)).Bound();

        _files.Parts().Single(p => p.Name == "file").Body.Should().Equal(png);
        stream.IsDisposed.Should().BeFalse("the caller owns the stream");
    }

    [Fact]
    public async Task SkipValidation_sends_what_the_checks_would_refuse()
    {
        _files.UploadsAnswer();
        using var client = _files.Client();

        await client.Files.UploadAsync(
            FileUpload.FromBytes(SampleMedia.Mp4(), "clip.mp4", MediaKind.Video) with { Model = "kling-3-0" },
            new RequestOptions { SkipValidation = true }).Bound();

        _files.Parts().Single(p => p.Name == "file").ContentType.Should().Be("video/mp4");
    }
}
