using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Cli.Tests.Support;
using Xunit;

namespace Rivya.Cli.Tests.Parsing;

// No server: each run ends before anything would be sent (RIVYA_BASE_ADDRESS is a closed port, no key unless given).
public sealed class BatchParsingTests : System.IDisposable
{
    private readonly TempFolder _dir = new();

    private static System.Collections.Generic.Dictionary<string, string?> Env(bool key = false) =>
        InProcess.Env(("RIVYA_BASE_ADDRESS", "http://127.0.0.1:9/"), ("RIVYA_API_KEY", key ? "rvya_sk_never_sent" : null));

    [Fact]
    public async Task Every_bad_row_is_listed_with_its_id_and_line_and_exit_2()
    {
        _dir.Write("b.jsonl", "{\"model\":\"kling-3-0\",\"prompt\":\"ok\"}\n{\"model\":\"kling-3-0\",\"prompt\":\"p\",\"params\":{\"duration\":\"99\"},\"client_request_id\":\"two\"}\n{\"model\":\"nope\",\"prompt\":\"p\"}\n");

        var run = await InProcess.RunAsync(_dir.Path, Env(key: true), "batch", "b.jsonl", "--out", "run");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("2 of 3 rows").And.Contain("row two (line 2): params.duration").And.Contain("row 3 (line 3): model: 'nope'");
        Directory.Exists(_dir.File("run")).Should().BeFalse();
    }

    [Fact]
    public async Task A_dry_run_without_a_key_validates_estimates_and_says_the_balance_is_unknown()
    {
        _dir.Write("b.csv", "model,prompt\nkling-3-0,a\nkling-2-6,b\n");

        var run = await InProcess.RunAsync(_dir.Path, Env(), "batch", "b.csv", "--out", "run", "--dry-run");

        run.ExitCode.Should().Be(0, run.Stderr);
        var lines = run.Stdout.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        lines.Should().HaveCount(3);
        lines[0]!["action"]!.GetValue<string>().Should().Be("create");
        var summary = lines[^1]!["summary"]!;
        summary["estimated_credits"]!.GetValue<decimal>().Should().Be(90 + 55);
        summary["balance"].Should().BeNull();
        Directory.Exists(_dir.File("run")).Should().BeFalse();
    }

    [Fact]
    public async Task A_budget_below_the_estimate_exits_4_before_anything_is_sent()
    {
        _dir.Write("b.csv", "model,prompt\nkling-3-0,a\nkling-3-0,b\n");

        var run = await InProcess.RunAsync(_dir.Path, Env(), "batch", "b.csv", "--out", "run", "--budget", "100");

        run.ExitCode.Should().Be(4);
        run.Stderr.Should().Contain("180 credits, is over --budget 100");
    }

    [Theory]
    [InlineData("--concurrency", "0")]
    [InlineData("--budget", "-1")]
    public async Task Out_of_range_options_exit_2(string name, string value)
    {
        _dir.Write("b.csv", "model,prompt\nkling-3-0,a\n");

        var run = await InProcess.RunAsync(_dir.Path, Env(key: true), "batch", "b.csv", "--out", "run", name, value);

        run.ExitCode.Should().Be(2);
    }

    [Fact]
    public async Task A_folder_with_a_row_file_and_no_journal_is_refused()
    {
        _dir.Write("b.csv", "model,prompt,client_request_id\nkling-3-0,a,fox\n");
        Directory.CreateDirectory(_dir.File("run"));
        _dir.Write("run/fox.mp4", "someone else's");

        var run = await InProcess.RunAsync(_dir.Path, Env(key: true), "batch", "b.csv", "--out", "run");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("fox.mp4 exists");
    }

    [Fact]
    public async Task Out_is_required()
    {
        _dir.Write("b.csv", "model,prompt\nkling-3-0,a\n");

        (await InProcess.RunAsync(_dir.Path, Env(key: true), "batch", "b.csv")).ExitCode.Should().Be(2);
    }

    public void Dispose() => _dir.Dispose();
}
