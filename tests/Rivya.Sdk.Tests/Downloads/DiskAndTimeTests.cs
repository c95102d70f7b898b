using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>
/// The disk and time a hostile host can take: a declared size reserves at most a modest amount ahead of the bytes
/// received; a chunked body past <see cref="DownloadOptions.MaxBytes"/> fails; a host that sends a byte per connection
/// is asked at most about once a second and the whole download ends at <see cref="DownloadOptions.Timeout"/>.
/// </summary>
public sealed class DiskAndTimeTests : DownloadTestBase
{
    [Fact]
    public async Task A_declared_6_GiB_that_stalls_reserves_at_most_16_MiB_of_disk()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the allocated size is read with stat(1)
        }

        using var release = new CancellationTokenSource();
        using var cdn = new HostileServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nETag: \"big\"\r\nContent-Length: 6442450944\r\n\r\n"), ct);
            await stream.WriteAsync(new byte[300 * 1024], ct);
            await stream.FlushAsync(ct);
            await Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        var progress = new RecordingProgress(p => p.BytesReceived >= 256 * 1024);
        using var cancel = new CancellationTokenSource();
        var download = Client.Generations.DownloadAsync(Result(cdn), PathOf("big.mp4"), new DownloadOptions { MaxBytes = 8L << 30, Progress = progress }, cancel.Token);

        await progress.Signalled.WaitAsync(Bound);
        var part = FilesLeft().Should().ContainSingle(f => f.EndsWith(".part", StringComparison.Ordinal)).Which;
        var allocated = AllocatedBytes(part);
        cancel.Cancel();
        release.Cancel();
        await download.Invoking(d => d.WaitAsync(Bound)).Should().ThrowAsync<OperationCanceledException>();

        allocated.Should().BeLessThanOrEqualTo(20L << 20, "a Content-Length is a claim, not bytes received");
        FilesLeft().Should().BeEmpty();
    }

    [Fact]
    public async Task A_chunked_body_whose_last_block_passes_MaxBytes_fails_and_leaves_no_file()
    {
        using var cdn = new HostileServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nETag: \"c\"\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray(), ct);
            for (var i = 0; i < 3; i++)
            {
                await stream.WriteAsync("3E8\r\n"u8.ToArray(), ct);
                await stream.WriteAsync(new byte[1000], ct);
                await stream.WriteAsync("\r\n"u8.ToArray(), ct);
                await stream.FlushAsync(ct);
            }

            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), ct);
        });

        var thrown = await Client.Generations.Invoking(g => g.DownloadAsync(Result(cdn), PathOf("c.mp4"), new DownloadOptions { MaxBytes = 2500 }).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.Message.Should().Contain("MaxBytes");
        FilesLeft().Should().BeEmpty();
    }

    [Fact]
    public async Task A_host_that_sends_one_byte_per_connection_is_paced_and_ended_by_the_whole_download_timeout()
    {
        using var cdn = new HostileServer((request, stream, ct) =>
            CdnAnswer.RangeStart(request) is { } from
                ? CdnAnswer.WriteAsync(stream, "206 Partial Content", $"ETag: \"d\"\r\nContent-Range: bytes {from}-999/1000", new byte[1000 - from], cutAfter: 1, ct)
                : CdnAnswer.WriteAsync(stream, "200 OK", "ETag: \"d\"", new byte[1000], cutAfter: 1, ct));

        var thrown = await Client.Generations.Invoking(g => Clock.RunSleepsAsync(g.DownloadAsync(Result(cdn), PathOf("d.mp4"), new DownloadOptions { Timeout = TimeSpan.FromSeconds(60) })).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.Message.Should().Contain("DownloadOptions.Timeout");
        cdn.Requests.Count.Should().BeInRange(50, 62, "one request per second of the 60 s bound, each after a 1 s backoff");
        Clock.AllSleeps.Should().OnlyContain(s => s >= TimeSpan.FromSeconds(0.8));
        FilesLeft().Should().BeEmpty();
    }

    [Fact]
    public async Task A_body_that_stops_without_an_idle_timeout_is_ended_by_the_whole_download_timeout()
    {
        using var release = new CancellationTokenSource();
        using var cdn = new HostileServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nETag: \"s\"\r\nContent-Length: 1000\r\n\r\n"u8.ToArray(), ct);
            await stream.WriteAsync(new byte[10], ct);
            await stream.FlushAsync(ct);
            await Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        var download = Client.Generations.DownloadAsync(Result(cdn), PathOf("s.mp4"), new DownloadOptions { IdleTimeout = Timeout.InfiniteTimeSpan, Timeout = TimeSpan.FromMinutes(10) });

        Clock.Advance(await Clock.NextTimerAsync(t => t == TimeSpan.FromMinutes(10)).WaitAsync(Bound));
        var thrown = await download.Invoking(d => d.WaitAsync(Bound)).Should().ThrowAsync<RivyaDownloadException>();
        release.Cancel();

        thrown.Which.Message.Should().Contain("DownloadOptions.Timeout");
        FilesLeft().Should().BeEmpty();
    }

    private static Generation Result(HostileServer cdn) =>
        RivyaModelFactory.Generation(id: "task_1", status: GenerationStatus.Succeeded, primaryUrl: new Uri(cdn.BaseAddress, "media/1.mp4").AbsoluteUri);

    private static long AllocatedBytes(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%b %B", path]) { RedirectStandardOutput = true })!;
        var fields = stat.StandardOutput.ReadToEnd().Trim().Split(' ');
        stat.WaitForExit();
        return long.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture) * long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
