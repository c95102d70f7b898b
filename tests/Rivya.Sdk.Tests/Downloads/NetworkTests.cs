using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>The idle-read timeout, cancellation, and which requests carry the API key.</summary>
public sealed class NetworkTests : DownloadTestBase
{
    [Fact]
    public async Task A_stalled_body_is_abandoned_after_the_idle_timeout_and_resumed_from_the_bytes_written()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.StallAfter(300_000));
        var progress = new RecordingProgress(p => p.BytesReceived >= 256 * 1024);

        var download = Client.Generations.DownloadAsync(done, PathOf("cat.mp4"), new DownloadOptions { Progress = progress, IdleTimeout = TimeSpan.FromSeconds(20) });
        await progress.Signalled.WaitAsync(Bound);
        Fake.MediaRequests.Should().HaveCount(1, "a slow link is not cut while bytes keep arriving");
        Clock.Advance(TimeSpan.FromSeconds(20));
        var file = await Clock.RunSleepsAsync(download).WaitAsync(Bound);

        File.ReadAllBytes(file.FullName).SequenceEqual(Content).Should().BeTrue();
        Fake.MediaRequests.Should().HaveCount(2);
        Fake.MediaRequests[1].Header("Range").Should().MatchRegex(@"^bytes=\d+-$").And.NotBe("bytes=0-");
        Fake.MediaBytesServed.Should().BeLessThanOrEqualTo(Content.Length + 300_000);
    }

    [Fact]
    public async Task Cancellation_stops_at_once_and_deletes_the_temporary_file()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.StallAfter(300_000));
        var progress = new RecordingProgress(p => p.BytesReceived >= 256 * 1024);
        using var cts = new CancellationTokenSource();

        var download = Client.Generations.DownloadAsync(done, PathOf("cat.mp4"), new DownloadOptions { Progress = progress }, cts.Token);
        await progress.Signalled.WaitAsync(Bound);
        FilesLeft().Should().ContainSingle(f => f.EndsWith(".part", StringComparison.Ordinal), "bytes go to a temporary file, never under the final name");
        cts.Cancel();

        var thrown = await download.Invoking(d => d.WaitAsync(Bound)).Should().ThrowAsync<OperationCanceledException>();
        thrown.Which.CancellationToken.Should().Be(cts.Token);
        FilesLeft().Should().BeEmpty("neither the result nor its temporary file is left");
        Fake.MediaRequests.Should().HaveCount(1, "a cancelled download is not retried");
    }

    [Fact]
    public async Task The_api_key_is_never_sent_to_the_result_host_on_another_origin()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.CutAfter(5000));

        await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(done, PathOf("cat.mp4"))).WaitAsync(Bound);

        new Uri(done.Result!.PrimaryUrl!).Port.Should().NotBe(Fake.BaseAddress.Port, "the fake's result host is another origin, like a CDN");
        Fake.MediaRequests.Should().HaveCount(2).And.OnlyContain(r => r.Header("Authorization") == null && !r.HasValidApiKey);
    }

    [Fact]
    public async Task A_result_url_on_the_apis_own_origin_gets_the_key()
    {
        var done = await SucceededAsync();
        var sameOrigin = done with { Result = new GenerationResult { PrimaryUrl = new Uri(Fake.BaseAddress, "media/" + done.Id + ".mp4").AbsoluteUri } };

        var file = await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(sameOrigin, PathOf("cat.mp4"))).WaitAsync(Bound);

        file.Length.Should().BeGreaterThan(0);
        Fake.Requests.Should().ContainSingle().Which.HasValidApiKey.Should().BeTrue();
        Fake.MediaRequests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("ftp://cdn.example/a.mp4")]
    [InlineData("http://cdn.example/a.mp4")]
    [InlineData("not a url")]
    public async Task A_result_url_that_is_not_https_or_loopback_is_refused_before_any_request(string url)
    {
        var done = await SucceededAsync();
        var odd = done with { Result = new GenerationResult { PrimaryUrl = url } };

        var thrown = await Client.Generations.Invoking(g => g.DownloadAsync(odd, PathOf("cat.mp4")).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.Message.Should().NotContain(url, "a signed URL is a credential: it is not echoed");
        FilesLeft().Should().BeEmpty();
    }

    [Fact]
    public async Task UrlIndex_picks_another_of_the_results_urls()
    {
        var done = await SucceededAsync();
        var two = done with { Result = new GenerationResult { PrimaryUrl = "ftp://nowhere/a.mp4", Urls = ["ftp://nowhere/a.mp4", done.Result!.PrimaryUrl!] } };

        var file = await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(two, PathOf("cat.mp4"), new DownloadOptions { UrlIndex = 1 })).WaitAsync(Bound);

        file.Length.Should().Be(Content.Length);
        await Client.Generations.Invoking(g => g.DownloadAsync(two, PathOf("b.mp4"), new DownloadOptions { UrlIndex = 2 }).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>().WithMessage("*UrlIndex*");
    }
}
