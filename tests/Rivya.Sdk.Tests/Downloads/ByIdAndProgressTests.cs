using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>By id into a stream (a web app's response body), the inline <c>OnProgress</c>, and a refused directory as an <see cref="IOException"/>.</summary>
public sealed class ByIdAndProgressTests : DownloadTestBase
{
    [Fact]
    public async Task A_result_is_streamed_by_task_id_into_a_callers_stream_which_stays_open()
    {
        var done = await SucceededAsync();
        using var body = new MemoryStream();

        await Client.Generations.DownloadAsync(done.Id, body).WaitAsync(Bound);

        body.ToArray().Should().Equal(Content);
        body.CanWrite.Should().BeTrue("the caller's stream is never disposed");
        Fake.Requests.Should().ContainSingle(r => r.Method == "GET", "the task was read once for its URL");
    }

    [Fact]
    public async Task OnProgress_is_called_inline_in_order_and_its_last_call_precedes_the_return()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.CutAndReplace(300_000, Content));
        var seen = new List<DownloadProgress>();
        var returned = false;

        await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(done, PathOf("v.mp4"), new DownloadOptions
        {
            OnProgress = p =>
            {
                returned.Should().BeFalse("every call happens before the download returns");
                seen.Add(p);
            },
        })).WaitAsync(Bound);
        returned = true;

        seen.Should().NotBeEmpty();
        seen[^1].Should().Be(new DownloadProgress(Content.Length, Content.Length));
        seen.Should().Contain(p => p.BytesReceived == 0, "the restart is reported too, in its place");
        var afterRestart = seen.SkipWhile(p => p.BytesReceived != 0).Select(p => p.BytesReceived).ToList();
        afterRestart.Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task A_directory_that_refuses_the_file_is_an_IOException_with_the_refusal_inside_and_nothing_is_left()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // sysfs refuses to create a file with EACCES even for root
        }

        var done = await SucceededAsync();
        var path = "/sys/rivya-" + Guid.NewGuid().ToString("N") + ".mp4";

        var thrown = await Client.Generations.Invoking(g => g.DownloadAsync(done, path).WaitAsync(Bound)).Should().ThrowAsync<IOException>();

        thrown.Which.InnerException.Should().BeOfType<UnauthorizedAccessException>();
        File.Exists(path).Should().BeFalse();
    }
}
