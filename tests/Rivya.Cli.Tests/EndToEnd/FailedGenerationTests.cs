using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Cli.Tests.Support;
using Rivya.Sdk.Testing;
using Xunit;

namespace Rivya.Cli.Tests.EndToEnd;

// A failed generation, in-process against FakeRivyaServer (the host in its own process cannot fail one on demand):
// exit 1; a re-run reports it failed again without paying; --retry-failed submits it again with a new key.
public sealed class FailedGenerationTests : System.IDisposable
{
    private readonly TempFolder _dir = new();

    [Fact]
    public async Task A_failed_row_is_not_paid_again_on_a_rerun_unless_retry_failed()
    {
        await using var fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { PollsUntilSucceeded = 1 });
        var env = InProcess.Env(("RIVYA_API_KEY", fake.ApiKey), ("RIVYA_BASE_ADDRESS", fake.BaseAddress.AbsoluteUri), ("RIVYA_POLL_INTERVAL", "0.05"));
        _dir.Write("b.jsonl", "{\"model\":\"kling-2-6\",\"prompt\":\"fails\",\"client_request_id\":\"a\"}\n{\"model\":\"kling-2-6\",\"prompt\":\"works\",\"client_request_id\":\"b\"}\n");
        fake.FailNextGeneration();

        var first = await InProcess.RunAsync(_dir.Path, env, "batch", "b.jsonl", "--out", "out", "--concurrency", "1");
        var again = await InProcess.RunAsync(_dir.Path, env, "batch", "b.jsonl", "--out", "out");
        var countBeforeRetry = fake.GenerationCount;
        var retried = await InProcess.RunAsync(_dir.Path, env, "batch", "b.jsonl", "--out", "out", "--retry-failed");

        first.ExitCode.Should().Be(1, first.Stderr);
        Summary(first)["failed"]!.GetValue<int>().Should().Be(1);
        again.ExitCode.Should().Be(1);
        (Summary(again)["failed"]!.GetValue<int>(), Summary(again)["skipped"]!.GetValue<int>()).Should().Be((1, 1));
        countBeforeRetry.Should().Be(2, "the re-run made no task");
        retried.ExitCode.Should().Be(0, retried.Stderr);
        fake.GenerationCount.Should().Be(3);
        fake.GetLedger().Tasks.Select(t => t.IdempotencyKey).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Generate_of_a_failing_task_exits_1_and_prints_the_failed_task()
    {
        await using var fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { PollsUntilSucceeded = 1 });
        var env = InProcess.Env(("RIVYA_API_KEY", fake.ApiKey), ("RIVYA_BASE_ADDRESS", fake.BaseAddress.AbsoluteUri), ("RIVYA_POLL_INTERVAL", "0.05"));
        fake.FailNextGeneration("generation_failed", "The model refused.");

        var run = await InProcess.RunAsync(_dir.Path, env, "generate", "--model", "kling-2-6", "--prompt", "p");

        run.ExitCode.Should().Be(1);
        JsonNode.Parse(run.Stdout)!["status"]!.GetValue<string>().Should().Be("failed");
        run.Stderr.Should().Contain("The model refused.");
    }

    [Fact]
    public async Task An_unknown_create_outcome_prints_the_key_and_the_command_that_finishes_the_job()
    {
        await using var fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { PollsUntilSucceeded = 1 });
        var env = InProcess.Env(("RIVYA_API_KEY", fake.ApiKey), ("RIVYA_BASE_ADDRESS", fake.BaseAddress.AbsoluteUri), ("RIVYA_POLL_INTERVAL", "0.05"));
        fake.InjectFaults(3, FakeFault.AbortAfterWork());

        var run = await InProcess.RunAsync(_dir.Path, env, "generate", "--model", "kling-2-6", "--prompt", "a fox", "--no-wait");

        run.ExitCode.Should().Be(5, run.Stderr);
        var key = fake.GetLedger().Tasks.Single().IdempotencyKey!;
        run.Stderr.Should().Contain("outcome is unknown").And.Contain($"rivya generate --model kling-2-6 --prompt 'a fox' --no-wait --idempotency-key {key}");
        run.Stderr.Should().NotContain(fake.ApiKey);

        var finish = await InProcess.RunAsync(_dir.Path, env, "generate", "--model", "kling-2-6", "--prompt", "a fox", "--no-wait", "--idempotency-key", key);

        finish.ExitCode.Should().Be(0, finish.Stderr);
        fake.GetLedger().Charges.Should().Be(1);
    }

    private static JsonNode Summary(InProcess run) => JsonNode.Parse(run.Stdout.Split('\n', System.StringSplitOptions.RemoveEmptyEntries)[^1])!["summary"]!;

    public void Dispose() => _dir.Dispose();
}
