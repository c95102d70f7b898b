using System;
using System.IO;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Allocation measurements (run alone)";
}

/// <summary>
/// The body of a path upload is streamed: writing a 32 MiB file allocates about what writing a 1 MiB file does. Run
/// alone, because the process-wide allocation counter would also count other tests.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class UploadMemoryTests
{
    private const long Small = 1L * 1024 * 1024;
    private const long Large = 32L * 1024 * 1024;

    [Fact]
    public async Task Writing_an_upload_body_allocates_the_same_whatever_the_file_size()
    {
        using var small = TempFile.CreateSized("small.png", SampleMedia.PngSignature, Small);
        using var large = TempFile.CreateSized("large.png", SampleMedia.PngSignature, Large);
        await WriteBodyAsync(small.Path); // warm up: JIT, pools

        var forSmall = await AllocatedWhileWritingAsync(small.Path);
        var forLarge = await AllocatedWhileWritingAsync(large.Path);

        (forLarge - forSmall).Should().BeLessThan(1024 * 1024, $"the 32 MiB body took {forLarge:N0} bytes and the 1 MiB body {forSmall:N0}; a buffered body would differ by 31 MiB");
    }

    [Fact]
    public async Task The_body_declares_its_full_length_without_reading_the_file()
    {
        using var large = TempFile.CreateSized("large.png", SampleMedia.PngSignature, Large);
        var prepared = await PreparedUpload.PrepareAsync(FileUpload.FromPath(large.Path, MediaKind.Video) with { ContentType = "video/mp4" }, skipValidation: true, default);
        using var content = prepared.CreateContent();

        var declared = content.Headers.ContentLength;
        var counter = new CountingStream();
        await content.CopyToAsync(counter);

        declared.Should().Be(counter.Count);
        declared.Should().BeGreaterThan(Large);
        counter.LargestWrite.Should().BeLessThanOrEqualTo(FileBodyContent.BufferSize);
    }

    private static async Task<long> AllocatedWhileWritingAsync(string path)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await WriteBodyAsync(path);
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    private static async Task WriteBodyAsync(string path)
    {
        var prepared = await PreparedUpload.PrepareAsync(FileUpload.FromPath(path, MediaKind.Image), skipValidation: true, default);
        using var content = prepared.CreateContent();
        await content.CopyToAsync(Stream.Null);
    }

    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }

        public int LargestWrite { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Count;

        public override long Position
        {
            get => Count;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Count += count;
            LargestWrite = Math.Max(LargestWrite, count);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
