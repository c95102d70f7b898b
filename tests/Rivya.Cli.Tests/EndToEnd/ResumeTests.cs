using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Cli.Tests.Support;
using Rivya.Sdk.Testing;
using Xunit;

namespace Rivya.Cli.Tests.EndToEnd;

// A create sent whose answer never came (the server made and charged the task; the connection died after the work):
// the journal holds the row's key without a task id, and the re-run sends the same body with the same key, reaching
// that task: one task, one charge. In-process against FakeRivyaServer, which can cut a connection after the work.
public sealed class ResumeTests : System.IDisposable
{
    private readonly TempFolder _dir = new();

    [Fact]
    public async Task A_create_without_an_answer_is_sent_again_with_its_key_and_pays_once()
    {
        await using var fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { PollsUntilSucceeded = 1, DistinctResults = true });
        var env = InProcess.Env(("RIVYA_API_KEY", fake.ApiKey), ("RIVYA_BASE_ADDRESS", fake.BaseAddress.AbsoluteUri), ("RIVYA_POLL_INTERVAL", "0.05"));
        _dir.Write("b.jsonl", "{\"model\":\"kling-2-6\",\"prompt\":\"one\",\"client_request_id\":\"one\"}\n");
        fake.InjectFaults(3, FakeFault.AbortAfterWork()); // the create and both of the SDK's retries

        var first = await InProcess.RunAsync(_dir.Path, env, "batch", "b.jsonl", "--out", "out");
        var journal = File.ReadAllText(Path.Combine(_dir.File("out"), "rivya-journal.jsonl"));
        var second = await InProcess.RunAsync(_dir.Path, env, "batch", "b.jsonl", "--out", "out");

        first.ExitCode.Should().Be(5, first.Stderr);
        journal.Should().Contain("\"event\":\"submit\"").And.NotContain("\"event\":\"created\"");
        second.ExitCode.Should().Be(0, second.Stderr);
        var ledger = fake.GetLedger();
        ledger.Tasks.Should().ContainSingle();
        ledger.Charges.Should().Be(1);
        ledger.Creates.Should().Be(4, "three attempts in the first run, one in the second");
        System.Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(_dir.File("out/one.mp4")))).ToLowerInvariant()
            .Should().Be(ledger.Tasks.Single().ResultSha256);
    }

    public void Dispose() => _dir.Dispose();
}
