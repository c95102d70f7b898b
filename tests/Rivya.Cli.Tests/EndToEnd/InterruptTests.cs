using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Cli.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Rivya.Cli.Tests.EndToEnd;

// Ctrl+C (SIGINT) once: rivya stops submitting, journals, prints how to resume and exits 130 within 10 s; the
// command it printed finishes the batch without paying twice.
public sealed class InterruptTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly ITestOutputHelper _output;

    public InterruptTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Ctrl_C_once_exits_130_within_10_seconds_and_the_printed_command_resumes()
    {
        using var host = await FakeHost.StartAsync(processingSeconds: 2.0);
        _dir.Write("rows.csv", "model,prompt\n" + string.Concat(Enumerable.Range(1, 12).Select(i => $"kling-2-6,take {i}\n")));
        string[] args = ["batch", "rows.csv", "--out", "out", "--concurrency", "3"];
        var journal = Path.Combine(_dir.File("out"), "rivya-journal.jsonl");

        using (var first = RivyaProcess.Start(_dir.Path, host.Environment(), args))
        {
            (await Eventually.TrueAsync(() => File.Exists(journal) && Lines(journal).Any(l => l.Contains("\"created\"", StringComparison.Ordinal)))).Should().BeTrue(first.Stderr);
            using (var kill = Process.Start("kill", ["-INT", first.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            // rivya bounds its own exit (a 3 s grace for creates, a watchdog at 9 s); the test only bounds its wait
            // generously, so a loaded machine cannot fail it, and reports the time.
            var clock = Stopwatch.StartNew();
            (await first.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(t => t.IsCompletedSuccessfully)).Should().BeTrue();
            _output.WriteLine($"exited {clock.Elapsed.TotalSeconds:0.0} s after SIGINT");
            first.Process.WaitForExit();
            first.ExitCode.Should().Be(130, first.Stderr);
            first.Stderr.Should().Contain("Resume with:").And.Contain("rivya batch rows.csv --out out --concurrency 3");
        }

        using var second = await RivyaProcess.RunAsync(_dir.Path, host.Environment(), args);

        second.ExitCode.Should().Be(0, second.Stderr);
        var ledger = await host.LedgerAsync();
        ledger["tasks"]!.AsArray().Should().HaveCount(12);
        ledger["charges"]!.GetValue<int>().Should().Be(12);
        Directory.GetFiles(_dir.File("out"), "*.mp4").Should().HaveCount(12);
    }

    private static string[] Lines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    public void Dispose() => _dir.Dispose();
}
