using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>
/// The temporary file is created once the first answer's headers are checked (its size is known then): what that
/// changes at the edges (an empty result, a file that cannot be created).
/// </summary>
public sealed class TemporaryFileTests : DownloadTestBase
{
    [Fact]
    public async Task An_empty_result_still_gives_an_empty_file_under_the_final_name()
    {
        Fake.SetResultMedia([]);
        var done = await SucceededAsync();

        var file = await Client.Generations.DownloadAsync(done, PathOf("empty.mp4")).WaitAsync(Bound);

        file.Exists.Should().BeTrue();
        file.Length.Should().Be(0);
        FilesLeft().Should().ContainSingle().Which.Should().Be(PathOf("empty.mp4"));
    }

    [Fact]
    public async Task A_temporary_file_that_cannot_be_created_fails_the_download_at_once_without_a_retry()
    {
        var done = await SucceededAsync();
        var blocker = PathOf("not-a-directory");
        File.WriteAllText(blocker, "a file where the destination's directory should be");

        await Client.Generations.Invoking(g => g.DownloadAsync(done, Path.Combine(blocker, "cat.mp4")).WaitAsync(Bound))
            .Should().ThrowAsync<IOException>();

        Fake.MediaRequests.Should().HaveCount(1, "a file-system failure is not the network's: it is not retried");
        FilesLeft().Should().ContainSingle().Which.Should().Be(blocker);
    }

    [Fact]
    public async Task The_temporary_file_is_only_as_long_as_the_bytes_written_even_with_its_space_reserved()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.StallAfter(300_000));
        var progress = new RecordingProgress(p => p.BytesReceived >= 256 * 1024);
        using var cts = new CancellationTokenSource();

        var download = Client.Generations.DownloadAsync(done, PathOf("cat.mp4"), new DownloadOptions { Progress = progress }, cts.Token);
        await progress.Signalled.WaitAsync(Bound);
        var part = new FileInfo(FilesLeft().Single(f => f.EndsWith(".part", StringComparison.Ordinal)));

        part.Length.Should().BeInRange(256 * 1024, 300_000, "the space for the announced 600 KiB is reserved, not written as zeros");
        cts.Cancel();
        await download.Invoking(d => d.WaitAsync(Bound)).Should().ThrowAsync<OperationCanceledException>();
        FilesLeft().Should().BeEmpty();
    }
}
