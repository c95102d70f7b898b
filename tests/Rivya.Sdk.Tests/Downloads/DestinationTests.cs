using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>Where the bytes go: a file (never half-written under its final name, never overwritten unasked) or a caller's stream.</summary>
public sealed class DestinationTests : DownloadTestBase
{
    [Fact]
    public async Task An_existing_file_is_not_overwritten_and_nothing_is_sent()
    {
        var done = await SucceededAsync();
        var path = PathOf("cat.mp4");
        File.WriteAllText(path, "mine");

        await Client.Generations.Invoking(g => g.DownloadAsync(done, path).WaitAsync(Bound)).Should().ThrowAsync<IOException>().WithMessage("*Overwrite*");

        File.ReadAllText(path).Should().Be("mine");
        Fake.MediaRequests.Should().BeEmpty();
        FilesLeft().Should().ContainSingle();
    }

    [Fact]
    public async Task With_Overwrite_an_existing_file_is_replaced_once_the_download_is_complete()
    {
        var done = await SucceededAsync();
        var path = PathOf("cat.mp4");
        File.WriteAllText(path, "mine");

        var file = await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(done, path, new DownloadOptions { Overwrite = true })).WaitAsync(Bound);

        file.Length.Should().Be(Content.Length);
        File.ReadAllBytes(path).SequenceEqual(Content).Should().BeTrue();
        FilesLeft().Should().ContainSingle();
    }

    [Fact]
    public async Task A_missing_directory_is_created()
    {
        var done = await SucceededAsync();

        var file = await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(done, Path.Combine(TempDir, "out", "cat.mp4"))).WaitAsync(Bound);

        file.Exists.Should().BeTrue();
        file.Length.Should().Be(Content.Length);
    }

    [Fact]
    public async Task A_stream_destination_receives_the_bytes_after_its_position_and_stays_open()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.CutAfter(123_456));
        using var stream = new MemoryStream();
        stream.Write([1, 2, 3]);
        var progress = new RecordingProgress();

        await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(done, stream, new DownloadOptions { Progress = progress })).WaitAsync(Bound);

        stream.ToArray().Skip(3).SequenceEqual(Content).Should().BeTrue();
        stream.ToArray().Take(3).Should().Equal(1, 2, 3);
        stream.CanWrite.Should().BeTrue("the caller owns the stream: it is not disposed");
        progress.Reports[^1].Should().Be(new DownloadProgress(Content.Length, Content.Length));
        progress.Reports.Select(p => p.BytesReceived).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task A_seekable_stream_is_rewound_to_where_it_began_when_the_result_changed()
    {
        var done = await SucceededAsync();
        var changed = RandomBytes(50_000, seed: 5);
        Fake.InjectMediaFaults(MediaFault.CutAndReplace(400_000, changed));
        using var stream = new MemoryStream();
        stream.Write([9]);

        await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(done, stream)).WaitAsync(Bound);

        stream.ToArray().Should().Equal(new byte[] { 9 }.Concat(changed));
    }

    [Fact]
    public async Task A_non_seekable_stream_cannot_start_over_when_the_result_changed_and_the_error_says_so()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.CutAndReplace(1000, RandomBytes(5000, seed: 6)));
        using var inner = new MemoryStream();
        using var stream = new WriteOnlyStream(inner);

        var thrown = await Client.Generations.Invoking(g => Clock.RunSleepsAsync(g.DownloadAsync(done, stream)).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.Message.Should().Contain("cannot seek back");
        thrown.Which.TaskId.Should().Be(done.Id);
    }

    [Fact]
    public async Task A_result_larger_than_MaxBytes_is_refused_from_its_Content_Length_and_no_file_is_left()
    {
        var done = await SucceededAsync();

        var thrown = await Client.Generations.Invoking(g => g.DownloadAsync(done, PathOf("cat.mp4"), new DownloadOptions { MaxBytes = 1000 }).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.Message.Should().Contain("MaxBytes");
        FilesLeft().Should().BeEmpty();
    }

    [Theory]
    [InlineData(FailWhen.AtOnce)]
    [InlineData(FailWhen.Later)]
    [InlineData(FailWhen.AfterAStallPastTheIdleTimeout)]
    public async Task A_destination_that_fails_to_write_ends_the_download_with_its_own_exception_and_no_retry(FailWhen when)
    {
        var done = await SucceededAsync();
        using var destination = new FailingStream(when);

        var download = Client.Generations.DownloadAsync(done, destination, new DownloadOptions { IdleTimeout = TimeSpan.FromSeconds(20) });
        if (when == FailWhen.AfterAStallPastTheIdleTimeout)
        {
            // The idle watch fires while the destination is still busy: the copy's token is cancelled under the write.
            await destination.Writing.Task.WaitAsync(Bound);
            Clock.Advance(TimeSpan.FromSeconds(21));
            destination.Fail();
        }

        await download.Invoking(d => d.WaitAsync(Bound)).Should().ThrowExactlyAsync<IOException>().WithMessage("disk full");
        Fake.MediaRequests.Should().HaveCount(1, "a failing destination is not the network's fault: asking again would fail the same way");
    }

    public enum FailWhen
    {
        AtOnce,
        Later,
        AfterAStallPastTheIdleTimeout,
    }

    /// <summary>A destination whose first write fails: thrown at once, from a write that completes later, or after a stall.</summary>
    private sealed class FailingStream(FailWhen when) : MemoryStream
    {
        private readonly TaskCompletionSource _stall = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Writing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail() => _stall.TrySetException(new IOException("disk full"));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, System.Threading.CancellationToken cancellationToken = default) => when switch
        {
            FailWhen.AtOnce => throw new IOException("disk full"),
            FailWhen.Later => LaterAsync(),
            _ => StallAsync(),
        };

        private static async ValueTask LaterAsync()
        {
            await Task.Yield();
            throw new IOException("disk full");
        }

        private async ValueTask StallAsync()
        {
            Writing.TrySetResult();
            await _stall.Task;
        }
    }
}
