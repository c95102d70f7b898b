using System;
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
/// A result host that sends no <c>Content-Length</c> (chunked): the bytes written cannot be tied to stored bytes (a
/// caller's decompressing HttpClient removes the length too), so after a cut the file is asked for whole, not by
/// <c>Range</c>, and what is already written is passed over when the <c>ETag</c> shows the result unchanged.
/// </summary>
public sealed class UnknownLengthTests : DownloadTestBase
{
    [Fact]
    public async Task A_cut_body_of_unknown_length_is_asked_for_whole_and_the_written_bytes_are_passed_over()
    {
        var content = Content;
        var answers = 0;
        using var server = new HostileServer(async (_, stream, ct) =>
        {
            var first = Interlocked.Increment(ref answers) == 1;
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nETag: \"v1\"\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray(), ct);
            var send = first ? 100_000 : content.Length;
            await stream.WriteAsync(Encoding.ASCII.GetBytes(send.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "\r\n"), ct);
            await stream.WriteAsync(content.AsMemory(0, send), ct);
            if (first)
            {
                await stream.FlushAsync(ct);
                stream.Dispose(); // the cut: no closing chunk
                return;
            }

            await stream.WriteAsync("\r\n0\r\n\r\n"u8.ToArray(), ct);
        });
        var done = RivyaModelFactory.Generation(id: "task_1", status: GenerationStatus.Succeeded, primaryUrl: new Uri(server.BaseAddress, "media/1").AbsoluteUri);
        var path = Path.Combine(TempDir, "cat.mp4");

        await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(done, path)).WaitAsync(Bound);

        File.ReadAllBytes(path).SequenceEqual(content).Should().BeTrue("the bytes already written were passed over, not written twice");
        server.Requests.Should().HaveCount(2);
        server.Requests[1].Values("Range").Should().BeEmpty("a range would count in stored bytes, the file in received ones");
    }
}
