using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>A span per download with bytes and resumes; log lines with the task and the host, never the URL or the key.</summary>
public sealed class ObservabilityTests : DownloadTestBase, System.IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();

    protected override CapturingLoggerProvider? Logs => _logs;

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task A_resumed_download_has_one_span_with_its_bytes_and_resumes_and_logs_the_resume()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.CutAfter(70_000));
        using var recorder = new ActivityRecorder();

        await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(done, PathOf("cat.mp4"))).WaitAsync(Bound);

        var span = recorder.Calls.Should().ContainSingle(a => a.DisplayName == "Rivya generations.download").Which;
        span.GetTagItem("rivya.task_id").Should().Be(done.Id);
        span.GetTagItem("rivya.download.bytes").Should().Be((long)Content.Length);
        span.GetTagItem("rivya.download.resumes").Should().Be(1);
        span.GetTagItem("server.address").Should().Be("127.0.0.1");

        var resumed = _logs.WithEventId(21).Should().ContainSingle().Which;
        resumed["Offset"].Should().Be(70_000L);
        resumed["TaskId"].Should().Be(done.Id);
        _logs.WithEventId(25).Should().ContainSingle();
        var everything = string.Join("\n", _logs.Records.Select(r => r.Message));
        everything.Should().NotContain(Fake.ApiKey).And.NotContain("/results/", "the URL's path and query may carry a signature");
    }
}
