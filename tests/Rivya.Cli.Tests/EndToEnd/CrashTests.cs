using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Cli.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Rivya.Cli.Tests.EndToEnd;

// The promise of the journal, against a real process: kill -9 (SIGKILL) of rivya halfway through a batch, the same
// command again, and the fake's own books say every row was made and paid exactly once, and every file on disk is
// byte for byte what the fake served for that row's task.
public sealed class CrashTests : IDisposable
{
    private const int Rows = 30;
    private readonly ITestOutputHelper _output;
    private readonly TempFolder _dir = new();

    public CrashTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_batch_killed_halfway_and_run_again_makes_and_pays_each_row_once()
    {
        using var host = await FakeHost.StartAsync(processingSeconds: 1.0);
        _dir.Write("rows.jsonl", string.Join("\n", Enumerable.Range(1, Rows).Select(i => $"{{\"model\":\"kling-2-6\",\"prompt\":\"take {i}\",\"client_request_id\":\"row-{i:00}\"}}")) + "\n");
        string[] args = ["batch", "rows.jsonl", "--out", "out", "--concurrency", "6"];
        var journal = Path.Combine(_dir.File("out"), "rivya-journal.jsonl");
        var clock = Stopwatch.StartNew();

        using (var first = RivyaProcess.Start(_dir.Path, host.Environment(), args))
        {
            (await Eventually.TrueAsync(() => Count(journal, "created") >= Rows / 2)).Should().BeTrue("the first run creates half the rows: " + first.Stderr);
            first.Process.Kill(); // SIGKILL: no handler runs, no flush, no goodbye
            await first.WaitAsync();
        }

        var (submittedAtKill, createdAtKill, downloadedAtKill) = (Count(journal, "submit"), Count(journal, "created"), Count(journal, "downloaded"));
        using var second = await RivyaProcess.RunAsync(_dir.Path, host.Environment(), args);
        var total = clock.Elapsed;

        second.ExitCode.Should().Be(0, second.Stderr);
        var ledger = await host.LedgerAsync();
        var tasks = ledger["tasks"]!.AsArray().Select(t => t!.AsObject()).ToList();
        tasks.Should().HaveCount(Rows, "exactly one task per row");
        ledger["charges"]!.GetValue<int>().Should().Be(Rows, "exactly one charge per row");
        tasks.Select(t => t["idempotencyKey"]!.GetValue<string>()).Should().OnlyHaveUniqueItems();
        var rows = Journal(journal);
        rows.Should().HaveCount(Rows);
        foreach (var (row, taskId) in rows)
        {
            var served = tasks.Single(t => t["id"]!.GetValue<string>() == taskId)["resultSha256"]!.GetValue<string>();
            Sha(Path.Combine(_dir.File("out"), row + ".mp4")).Should().Be(served, $"{row}'s file is what the fake served for {taskId}");
        }

        Directory.GetFiles(_dir.File("out"), "*.mp4").Should().HaveCount(Rows);
        _output.WriteLine($"crash test: killed with {submittedAtKill} submitted, {createdAtKill} created, {downloadedAtKill} downloaded; " +
            $"after the re-run: {tasks.Count} tasks, {ledger["charges"]} charges, {ledger["creates"]} create requests, {Rows} files identical; {total.TotalSeconds:0.0} s in all");
    }

    private static int Count(string journal, string kind) =>
        File.Exists(journal) ? ReadLines(journal).Count(l => l.Contains($"\"event\":\"{kind}\"", StringComparison.Ordinal)) : 0;

    /// <summary>Row id to task id, from the journal's created lines (the last one per row).</summary>
    private static System.Collections.Generic.Dictionary<string, string> Journal(string journal) =>
        ReadLines(journal).Select(l => JsonNode.Parse(l)!).Where(n => n["event"]!.GetValue<string>() == "created")
            .GroupBy(n => n["row"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.Last()["task_id"]!.GetValue<string>());

    private static string[] ReadLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.EndsWith('}')).ToArray();
    }

    private static string Sha(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    public void Dispose() => _dir.Dispose();
}
