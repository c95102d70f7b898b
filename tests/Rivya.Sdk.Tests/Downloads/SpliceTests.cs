using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>
/// A resume is accepted only when it provably continues the same version of the file: the first answer's strong
/// <c>ETag</c> (else <c>Last-Modified</c>), the range asked for, the same total. Each host here is hostile on a raw
/// loopback socket: its first answer (version A) is cut at byte 500, and its resume serves the second half of version
/// B. The file must be exactly one version, never 500 bytes of each.
/// </summary>
public sealed class SpliceTests : DownloadTestBase
{
    private static readonly byte[] A = RandomBytes(1000, seed: 1);
    private static readonly byte[] B = RandomBytes(1000, seed: 2);

    [Theory]
    [InlineData("ETag: \"A\"", "ETag: \"B\"")]
    [InlineData("Last-Modified: Mon, 07 Dec 2026 01:00:00 GMT", "Last-Modified: Mon, 07 Dec 2026 02:00:00 GMT")]
    [InlineData("", "")]
    public async Task A_resume_from_another_version_starts_over_and_the_file_is_one_version(string first, string then)
    {
        var answers = 0;
        using var cdn = new HostileServer((request, stream, ct) => Interlocked.Increment(ref answers) == 1
            ? CdnAnswer.WriteAsync(stream, "200 OK", first, A, cutAfter: 500, ct)
            : CdnAnswer.RangeStart(request) is { } from
                ? CdnAnswer.WriteAsync(stream, "206 Partial Content", Join(then, $"Content-Range: bytes {from}-999/1000"), B.AsMemory((int)from), null, ct)
                : CdnAnswer.WriteAsync(stream, "200 OK", then, B, null, ct));
        var path = PathOf("cat.mp4");

        await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(Result(cdn), path)).WaitAsync(Bound);

        File.ReadAllBytes(path).Should().Equal(B, "the file is version B whole, never A's first half and B's second");
        if (first.Length == 0)
        {
            cdn.Requests[1].Values("Range").Should().BeEmpty("without a validator nothing could prove a 206 continues the same file");
        }
    }

    [Theory]
    [InlineData("bytes 400-999/1000")]
    [InlineData("bytes 500-1999/2000")]
    [InlineData("bytes 500-999/*")]
    public async Task A_partial_answer_that_does_not_start_where_asked_or_changes_the_total_starts_over(string contentRange)
    {
        var answers = 0;
        using var cdn = new HostileServer((request, stream, ct) => Interlocked.Increment(ref answers) == 1
            ? CdnAnswer.WriteAsync(stream, "200 OK", "ETag: \"A\"", A, cutAfter: 500, ct)
            : CdnAnswer.RangeStart(request) is not null
                ? CdnAnswer.WriteAsync(stream, "206 Partial Content", "ETag: \"A\"\r\nContent-Range: " + contentRange, B.AsMemory(500), null, ct)
                : CdnAnswer.WriteAsync(stream, "200 OK", "ETag: \"A\"", A, null, ct));
        var path = PathOf("cat.mp4");

        await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(Result(cdn), path)).WaitAsync(Bound);

        File.ReadAllBytes(path).Should().Equal(A);
        cdn.Requests.Should().HaveCount(3, "the cut, the refused 206, the whole file again");
    }

    [Fact]
    public async Task A_non_seekable_stream_gets_a_typed_error_when_a_resume_cannot_be_proved()
    {
        var answers = 0;
        using var cdn = new HostileServer((request, stream, ct) => Interlocked.Increment(ref answers) == 1
            ? CdnAnswer.WriteAsync(stream, "200 OK", string.Empty, A, cutAfter: 500, ct)
            : CdnAnswer.WriteAsync(stream, "200 OK", string.Empty, B, null, ct));
        using var inner = new MemoryStream();
        using var destination = new WriteOnlyStream(inner);

        var thrown = await Client.Generations.Invoking(g => Clock.RunSleepsAsync(g.DownloadAsync(Result(cdn), destination)).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.Message.Should().Contain("cannot seek back");
        inner.Length.Should().BeLessThanOrEqualTo(500, "nothing of version B was appended to version A's half");
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : a + "\r\n" + b;

    private static Generation Result(HostileServer cdn) =>
        RivyaModelFactory.Generation(id: "task_1", status: GenerationStatus.Succeeded, primaryUrl: new Uri(cdn.BaseAddress, "media/1.mp4").AbsoluteUri);
}
