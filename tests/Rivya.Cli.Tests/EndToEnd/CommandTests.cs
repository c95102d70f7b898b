using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Cli.Tests.Support;
using Xunit;

namespace Rivya.Cli.Tests.EndToEnd;

// Every command, as a real rivya process against FakeRivyaHost in its own process. stdout is redirected, so each
// prints JSON: one document, parsed here.
public sealed class CommandTests : IClassFixture<HostFixture>, System.IDisposable
{
    private readonly FakeHost _host;
    private readonly TempFolder _dir = new();

    public CommandTests(HostFixture fixture) => _host = fixture.Host;

    [Fact]
    public async Task Models_lists_the_catalogue_in_the_wire_shape_without_a_key()
    {
        using var run = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(withKey: false), "models");

        run.ExitCode.Should().Be(0, run.Stderr);
        var json = JsonNode.Parse(run.Stdout)!;
        json["object"]!.GetValue<string>().Should().Be("list");
        json["data"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).Should().Contain(["kling-3-0", "kling-2-6"]);
    }

    [Fact]
    public async Task Credits_prints_the_balance()
    {
        using var run = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "credits", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        JsonNode.Parse(run.Stdout)!["current_credits"]!.GetValue<decimal>().Should().BePositive();
    }

    [Fact]
    public async Task Check_catalog_finds_no_drift_against_the_fake()
    {
        using var run = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "check-catalog");

        run.ExitCode.Should().Be(0, run.Stderr);
        JsonNode.Parse(run.Stdout)!["has_drift"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Generate_waits_downloads_and_the_file_is_what_the_fake_served()
    {
        using var run = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "generate", "--model", "kling-3-0", "--prompt", "a fox", "--param", "duration=5", "--param", "aspect_ratio=9:16");

        run.ExitCode.Should().Be(0, run.Stderr);
        var task = JsonNode.Parse(run.Stdout)!;
        var id = task["id"]!.GetValue<string>();
        task["status"]!.GetValue<string>().Should().Be("succeeded");
        var file = task["output_file"]!.GetValue<string>();
        file.Should().Be(Path.Combine(_dir.Path, id + ".mp4"));
        (await ResultShaAsync(id)).Should().Be(Sha(file));
    }

    [Fact]
    public async Task Generate_no_wait_then_status_wait_and_download_by_id()
    {
        using var created = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "generate", "--model", "kling-2-6", "--prompt", "an owl", "--no-wait", "--client-request-id", "owl-1");
        created.ExitCode.Should().Be(0, created.Stderr);
        var id = JsonNode.Parse(created.Stdout)!["id"]!.GetValue<string>();

        using var status = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "status", id);
        using var waited = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "wait", id, "--out", "owl.mp4");
        using var downloaded = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "download", id, "--out", "again.mp4");
        using var refused = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "download", id, "--out", "again.mp4");

        status.ExitCode.Should().Be(0, status.Stderr);
        JsonNode.Parse(status.Stdout)!["id"]!.GetValue<string>().Should().Be(id);
        waited.ExitCode.Should().Be(0, waited.Stderr);
        JsonNode.Parse(waited.Stdout)!["status"]!.GetValue<string>().Should().Be("succeeded");
        downloaded.ExitCode.Should().Be(0, downloaded.Stderr);
        JsonNode.Parse(downloaded.Stdout)!["output_file"]!.GetValue<string>().Should().Be(_dir.File("again.mp4"));
        Sha(_dir.File("owl.mp4")).Should().Be(await ResultShaAsync(id)).And.Be(Sha(_dir.File("again.mp4")));
        refused.ExitCode.Should().Be(2);
    }

    [Fact]
    public async Task Generate_with_an_image_uploads_it_first()
    {
        File.WriteAllBytes(_dir.File("cat.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3, 4]);

        using var run = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "generate", "--model", "kling-v2-1-master", "--prompt", "the cat walks", "--image", "cat.png", "--no-wait");

        run.ExitCode.Should().Be(0, run.Stderr);
        JsonNode.Parse(run.Stdout)!["model"]!.GetValue<string>().Should().Be("kling-v2-1-master");
    }

    [Fact]
    public async Task The_same_idempotency_key_reaches_the_same_task_and_pays_once()
    {
        var before = await _host.LedgerAsync();

        using var first = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "generate", "--model", "kling-3-0", "--prompt", "same", "--idempotency-key", "cli-test-same-key", "--no-wait");
        using var second = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "generate", "--model", "kling-3-0", "--prompt", "same", "--idempotency-key", "cli-test-same-key", "--no-wait");
        using var conflict = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "generate", "--model", "kling-3-0", "--prompt", "other", "--idempotency-key", "cli-test-same-key", "--no-wait");

        JsonNode.Parse(second.Stdout)!["id"]!.GetValue<string>().Should().Be(JsonNode.Parse(first.Stdout)!["id"]!.GetValue<string>());
        var after = await _host.LedgerAsync();
        after["tasks"]!.AsArray().Count(t => t!["idempotencyKey"]?.GetValue<string>() == "cli-test-same-key").Should().Be(1);
        (after["charges"]!.GetValue<int>() - before["charges"]!.GetValue<int>()).Should().BeGreaterThanOrEqualTo(1);
        conflict.ExitCode.Should().Be(2);
        conflict.Stderr.Should().Contain("idempotency_conflict");
    }

    [Fact]
    public async Task A_wrong_key_exits_3_and_an_unknown_task_exits_2_and_the_key_is_never_printed()
    {
        var wrong = _host.Environment().Select(e => e.Item1 == "RIVYA_API_KEY" ? (e.Item1, (string?)"rvya_sk_wrong_secret_123") : e).ToArray();

        using var refused = await RivyaProcess.RunAsync(_dir.Path, wrong, "credits");
        using var missing = await RivyaProcess.RunAsync(_dir.Path, _host.Environment(), "status", "task_does_not_exist");

        refused.ExitCode.Should().Be(3);
        refused.Stderr.Should().Contain("api_key_invalid").And.NotContain("rvya_sk_wrong_secret_123");
        missing.ExitCode.Should().Be(2);
        missing.Stderr.Should().Contain("not_found");
    }

    [Fact]
    public async Task A_network_failure_exits_5()
    {
        var closed = _host.Environment().Select(e => e.Item1 == "RIVYA_BASE_ADDRESS" ? (e.Item1, (string?)"http://127.0.0.1:9/") : e).ToArray();

        using var run = await RivyaProcess.RunAsync(_dir.Path, closed, "models");

        run.ExitCode.Should().Be(5);
    }

    private async Task<string?> ResultShaAsync(string taskId) =>
        (await _host.LedgerAsync())["tasks"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == taskId)!["resultSha256"]?.GetValue<string>();

    private static string Sha(string path) => System.Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    public void Dispose() => _dir.Dispose();
}
