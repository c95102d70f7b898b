using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

public sealed class UploadRetryTests : IDisposable
{
    private readonly FilesServer _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("path")]
    [InlineData("bytes")]
    [InlineData("seekable stream")]
    public async Task An_upload_retried_after_a_503_sends_the_same_bytes_again_with_the_same_key(string source)
    {
        _files.UploadsFailOnceThenSucceed();
        var png = SampleMedia.Png(300_000);
        using var temp = TempFile.Create("cat.png", png);
        using var stream = new TrackingMemoryStream([0x01, 0x02, .. png]);
        stream.Position = 2;
        var upload = source switch
        {
            "path" => FileUpload.FromPath(temp.Path, MediaKind.Image),
            "bytes" => FileUpload.FromBytes(png, "cat.png", MediaKind.Image),
            _ => FileUpload.FromStream(stream, "cat.png", MediaKind.Image),
        };
        var clock = new TestClock();
        using var client = _files.Client(clock);

        var call = client.Files.UploadAsync(upload with { Model = "kling-3-0" });
        var attemptTimeout = await clock.NextTimerAsync();
        var backoff = await clock.NextSleepAsync();
        clock.Advance(backoff);
        var file = await call.Bound();

        file.Id.Should().Be("file_7f3a");
        attemptTimeout.Should().Be(TimeSpan.FromMinutes(10), "an upload attempt gets UploadTimeout, not the 100 s default");
        backoff.Should().Be(TimeSpan.FromSeconds(1));
        _files.Requests.Should().HaveCount(2);
        var first = _files.Parts(0).Single(p => p.Name == "file");
        var second = _files.Parts(1).Single(p => p.Name == "file");
        first.Body.Should().Equal(png);
        second.Body.Should().Equal(first.Body);
        second.Disposition.Should().Be(first.Disposition);
        second.ContentType.Should().Be(first.ContentType);
        _files.Requests.Select(r => r.Headers!["Idempotency-Key"].Single()).Distinct().Should().ContainSingle();
        stream.IsDisposed.Should().BeFalse();
    }

    [Fact]
    public async Task A_non_seekable_stream_is_not_retried_and_the_503_surfaces()
    {
        _files.UploadsFailOnceThenSucceed();
        using var client = _files.Client(new TestClock());
        using var stream = new NonSeekableStream(SampleMedia.Png());

        var act = () => client.Files.UploadAsync(FileUpload.FromStream(stream, "cat.png", MediaKind.Image));

        var thrown = await act.Should().ThrowAsync<RivyaServiceUnavailableException>();
        thrown.Which.ErrorCode.Should().Be("public_api_disabled");
        _files.Requests.Should().ContainSingle();
        stream.IsDisposed.Should().BeFalse();
    }

    [Fact]
    public async Task An_oversized_non_seekable_stream_is_abandoned_while_streaming()
    {
        _files.UploadsAnswer();
        using var client = _files.Client();
        var limit = 10L * 1024 * 1024;
        using var stream = new GeneratedStream(SampleMedia.PngSignature, limit + 1);

        var act = () => client.Files.UploadAsync(FileUpload.FromStream(stream, "big.png", MediaKind.Image) with { Model = "kling-2-6" });

        var thrown = await act.Should().ThrowAsync<RivyaValidationException>();
        var only = thrown.Which.Errors.Should().ContainSingle().Subject;
        only.Path.Should().Be("file.size");
        only.Message.Should().Contain("10,485,760 bytes").And.Contain("abandoned");
        _files.Requests.Where(r => r.BodyAsBytes?.LongLength > limit).Should().BeEmpty("no complete oversized body reached the server");
    }

    [Fact]
    public async Task A_file_deleted_before_a_retry_surfaces_as_the_io_error_without_more_attempts()
    {
        _files.UploadsFailOnceThenSucceed();
        var temp = TempFile.Create("cat.png", SampleMedia.Png());
        var clock = new TestClock();
        using var client = _files.Client(clock);

        var call = client.Files.UploadAsync(FileUpload.FromPath(temp.Path, MediaKind.Image));
        await clock.NextTimerAsync();
        var backoff = await clock.NextSleepAsync();
        temp.Dispose();
        clock.Advance(backoff);
        var act = () => call;

        await act.Should().ThrowAsync<IOException>("the file (and its directory) are gone");
        clock.AllTimers.Count(d => d == TimeSpan.FromMinutes(10)).Should().Be(2, "two attempts began");
        clock.AllSleeps.Should().ContainSingle("a missing file is not retried again");
    }
}
