using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>A connection cut mid-body is resumed with <c>Range</c> from the bytes written, and the file ends byte-identical.</summary>
public sealed class ResumeTests : DownloadTestBase
{
    [Theory]
    [InlineData(1)]
    [InlineData(81920)]
    [InlineData(300_000)]
    [InlineData(600 * 1024 - 1)]
    public async Task A_cut_at_any_offset_resumes_from_there_and_the_file_is_byte_identical(long offset)
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.CutAfter(offset));

        var file = await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(done, PathOf("cat.mp4"))).WaitAsync(Bound);

        file.FullName.Should().Be(PathOf("cat.mp4"));
        File.ReadAllBytes(file.FullName).SequenceEqual(Content).Should().BeTrue("the resumed file must be the server's bytes exactly");
        var requests = Fake.MediaRequests;
        requests.Should().HaveCount(2);
        requests[0].Header("Range").Should().BeNull("a first attempt asks for the whole file");
        requests[1].Header("Range").Should().Be($"bytes={offset}-");
        requests[1].Header("If-Range").Should().NotBeNullOrEmpty().And.StartWith("\"", "the resume is conditioned on the first answer's strong ETag");
        Fake.MediaBytesServed.Should().Be(Content.Length, "the cut bytes are not fetched again: size plus no overlap");
        FilesLeft().Should().ContainSingle("no temporary file is left beside the result");
    }

    [Fact]
    public async Task Several_cuts_in_a_row_each_resume_where_the_last_one_stopped()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.CutAfter(10_000), MediaFault.CutAfter(20_000), MediaFault.CutAfter(30_000));

        var file = await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(done, PathOf("cat.mp4"))).WaitAsync(Bound);

        File.ReadAllBytes(file.FullName).SequenceEqual(Content).Should().BeTrue();
        Fake.MediaRequests.Select(r => r.Header("Range")).Should().Equal(null, "bytes=10000-", "bytes=30000-", "bytes=60000-");
        Fake.MediaBytesServed.Should().Be(Content.Length);
    }

    [Fact]
    public async Task A_server_that_ignores_Range_sends_the_whole_file_again_and_the_written_bytes_are_passed_over()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.CutAfter(100_000), MediaFault.IgnoreRange());

        var file = await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(done, PathOf("cat.mp4"))).WaitAsync(Bound);

        File.ReadAllBytes(file.FullName).SequenceEqual(Content).Should().BeTrue();
        Fake.MediaRequests.Should().HaveCount(2);
        Fake.MediaBytesServed.Should().Be(100_000 + Content.Length, "the second answer is the whole file: a full restart on the wire");
    }

    [Fact]
    public async Task A_result_that_changed_between_attempts_starts_over_and_the_file_is_the_new_version()
    {
        var done = await SucceededAsync();
        var changed = RandomBytes(200 * 1024, seed: 99);
        Fake.InjectMediaFaults(MediaFault.CutAndReplace(300_000, changed));
        var progress = new RecordingProgress();

        var file = await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(done, PathOf("cat.mp4"), new DownloadOptions { Progress = progress })).WaitAsync(Bound);

        File.ReadAllBytes(file.FullName).SequenceEqual(changed).Should().BeTrue("no byte of the old version may survive in the new file");
        Fake.MediaRequests[1].Header("If-Range").Should().NotBeNull("the resume asked for the old version, and the server answered the new one whole");
        progress.Reports.Should().Contain(p => p.BytesReceived == 0, "progress goes back to 0 when the download starts over");
        progress.Reports[^1].Should().Be(new DownloadProgress(changed.Length, changed.Length));
    }

    [Fact]
    public async Task A_cut_before_any_byte_waits_the_clients_backoff_then_tries_again()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.CutAfter(0));

        var download = Client.Generations.DownloadAsync(done, PathOf("cat.mp4"));
        var backoff = await Clock.NextSleepAsync().WaitAsync(Bound);
        Fake.MediaRequests.Should().HaveCount(1, "nothing is sent again before the backoff passes");
        Clock.Advance(backoff);
        var file = await download.WaitAsync(Bound);

        backoff.Should().Be(TimeSpan.FromSeconds(1), "the pipeline's own backoff: 1 s for the first retry at jitter 0.5");
        File.ReadAllBytes(file.FullName).SequenceEqual(Content).Should().BeTrue();
        Fake.MediaRequests.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_503_on_every_attempt_gives_up_after_the_clients_MaxRetries_with_the_task_id()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(Enumerable.Repeat(MediaFault.WithStatus(System.Net.HttpStatusCode.ServiceUnavailable), 3).ToArray());

        var download = Client.Generations.DownloadAsync(done, PathOf("cat.mp4"));
        Clock.Advance(await Clock.NextTimerAsync(t => t == TimeSpan.FromSeconds(1)).WaitAsync(Bound));
        Clock.Advance(await Clock.NextTimerAsync(t => t == TimeSpan.FromSeconds(2)).WaitAsync(Bound));
        var thrown = await download.Invoking(d => d.WaitAsync(Bound)).Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        thrown.Which.TaskId.Should().Be(done.Id);
        Fake.MediaRequests.Should().HaveCount(3, "MaxRetries 2: three attempts");
        FilesLeft().Should().BeEmpty();
    }
}
