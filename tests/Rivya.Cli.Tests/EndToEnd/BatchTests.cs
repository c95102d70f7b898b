using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Cli.Tests.Support;
using Xunit;

namespace Rivya.Cli.Tests.EndToEnd;

// rivya batch as a real process against FakeRivyaHost in its own process; its JSON lines parsed one by one.
public sealed class BatchTests : IClassFixture<HostFixture>, System.IDisposable
{
    private readonly FakeHost _host;
    private readonly TempFolder _dir = new();

    public BatchTests(HostFixture fixture) => _host = fixture.Host;

    [Fact]
    public async Task A_batch_prints_one_json_line_per_event_and_a_summary_and_saves_each_row()
    {
        var rows = Enumerable.Range(1, 5).Select(i => $"{{\"model\":\"kling-2-6\",\"prompt\":\"shot {i}\",\"params\":{{\"duration\":\"5\"}},\"client_request_id\":\"shot-{i:00}\"}}");
        _dir.Write("shots.jsonl", string.Join("\n", rows) + "\n");

        using var run = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "batch", "shots.jsonl", "--out", "out", "--concurrency", "3");

        run.ExitCode.Should().Be(0, run.Stderr);
        var lines = run.StdoutLines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var summary = lines[^1]["summary"]!;
        (summary["succeeded"]!.GetValue<int>(), summary["failed"]!.GetValue<int>(), summary["skipped"]!.GetValue<int>(), summary["credits"]!.GetValue<decimal>())
            .Should().Be((5, 0, 0, 5 * 55m));
        var events = lines.SkipLast(1).ToList();
        events.Should().OnlyContain(e => e["row"] != null && e["event"] != null);
        events.Where(e => e["event"]!.GetValue<string>() == "created").Should().HaveCount(5).And.OnlyContain(e => e["task_id"]!.GetValue<string>().StartsWith("task_"));
        var ledger = await _host.LedgerAsync();
        foreach (var done in events.Where(e => e["event"]!.GetValue<string>() == "succeeded"))
        {
            var file = done["file"]!.GetValue<string>();
            Path.GetFileName(file).Should().Be(done["row"]!.GetValue<string>() + ".mp4");
            Sha(file).Should().Be(ledger["tasks"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == done["task_id"]!.GetValue<string>())!["resultSha256"]!.GetValue<string>());
        }

        using var again = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "batch", "shots.jsonl", "--out", "out");
        again.ExitCode.Should().Be(0, again.Stderr);
        JsonNode.Parse(again.StdoutLines[^1])!["summary"]!["skipped"]!.GetValue<int>().Should().Be(5);
        (await _host.LedgerAsync())["charges"]!.GetValue<int>().Should().Be(ledger["charges"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_dry_run_sends_no_create()
    {
        _dir.Write("b.csv", "model,prompt,duration\nkling-3-0,\"a fox, at dawn\",5\nkling-3-0,an owl,10\n");
        var before = await _host.LedgerAsync();

        using var run = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "batch", "b.csv", "--out", "out", "--dry-run");

        run.ExitCode.Should().Be(0, run.Stderr);
        var summary = JsonNode.Parse(run.StdoutLines[^1])!["summary"]!;
        summary["estimated_credits"]!.GetValue<decimal>().Should().Be(180);
        summary["balance"]!.GetValue<decimal>().Should().BePositive();
        var after = await _host.LedgerAsync();
        after["creates"]!.GetValue<int>().Should().Be(before["creates"]!.GetValue<int>());
        after["charges"]!.GetValue<int>().Should().Be(before["charges"]!.GetValue<int>());
        Directory.Exists(_dir.File("out")).Should().BeFalse();
    }

    [Fact]
    public async Task A_csv_row_with_an_image_uploads_it_and_a_new_out_is_a_new_run()
    {
        File.WriteAllBytes(_dir.File("cat.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 9, 9]);
        _dir.Write("b.csv", "model,prompt,client_request_id,image\nkling-v2-1-master,the cat walks,cat,cat.png\n");

        using var first = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "batch", "b.csv", "--out", "take1");
        using var second = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "batch", "b.csv", "--out", "take2");

        first.ExitCode.Should().Be(0, first.Stderr);
        second.ExitCode.Should().Be(0, second.Stderr);
        var journal1 = File.ReadAllText(Path.Combine(_dir.File("take1"), "rivya-journal.jsonl"), Encoding.UTF8);
        journal1.Should().Contain("referenceMediaItems");
        Sha(_dir.File("take1/cat.mp4")).Should().NotBe(Sha(_dir.File("take2/cat.mp4")), "a new --out is a new take, a new task");
    }

    private static string Sha(string path) => System.Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    public void Dispose() => _dir.Dispose();
}
