using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Rivya.Sdk.Tests.Batches;

[Collection(IdleClockTests.Name)]
public sealed class CreateAndWaitManyTests
{
    private readonly ITestOutputHelper _output;

    public CreateAndWaitManyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_hundred_items_at_concurrency_8_under_a_rate_limit_stay_within_8_pause_together_and_keep_the_ideal_pace()
    {
        // 10 creates per 10 s window; each task ends on its first poll, 1 s after its create. The limit is the
        // bottleneck: the ideal schedule sends 10 creates in each of 10 windows, the last at 90 s, done at 91 s.
        await using var harness = new BatchHarness(o =>
        {
            o.CreateRateLimit = 10;
            o.RateLimitWindow = TimeSpan.FromSeconds(10);
        });
        var requests = BatchHarness.Requests(100);

        var results = await harness.RunAsync(requests, new BatchOptions { MaxConcurrency = 8, Wait = BatchHarness.Wait });

        results.Should().HaveCount(100);
        results.Select(r => r.Index).Should().BeEquivalentTo(Enumerable.Range(0, 100));
        results.Should().OnlyContain(r => r.Succeeded && r.Generation!.Status == GenerationStatus.Succeeded);
        harness.Fake.GenerationCount.Should().Be(100);
        harness.Fake.ActiveGenerationsHighWaterMark.Should().BeInRange(2, 8);
        harness.Fake.RateLimitedCreates.Should().BePositive("the limit must have been met for the pause to be tested");

        var exchanges = harness.Handler.Exchanges.ToList();
        var limited = exchanges.Where(e => e.Status == 429).ToList();
        var createsDuringPauses = exchanges.Count(create => create.Method == "POST" && limited.Any(l => create.SentAt > l.SentAt && create.SentAt < l.SentAt + l.RetryAfter!.Value));
        createsDuringPauses.Should().Be(0);

        // Logged once per pause, however many calls met the 429 that started it.
        var pauses = limited.Select(l => l.SentAt).Distinct().Count();
        harness.Logs.WithEventId(40).Should().HaveCount(pauses);
        limited.Count.Should().BeGreaterThan(pauses, "several calls met each 429 window, yet each pause is logged once");

        var ideal = TimeSpan.FromSeconds(91);
        _output.WriteLine($"simulated {harness.Elapsed.TotalSeconds:0.###} s (ideal {ideal.TotalSeconds} s); high-water {harness.Fake.ActiveGenerationsHighWaterMark}; 429s {limited.Count}; pauses {pauses}; creates during pauses {createsDuringPauses}; requests {exchanges.Count}");
        harness.Elapsed.TotalSeconds.Should().BeApproximately(ideal.TotalSeconds, ideal.TotalSeconds * 0.10);
    }

    [Fact]
    public async Task A_rerun_after_cancelling_half_way_pays_nothing_more_for_the_items_already_submitted()
    {
        await using var harness = new BatchHarness();
        var requests = BatchHarness.Requests(100);
        var options = new BatchOptions { MaxConcurrency = 8, Wait = BatchHarness.Wait };

        using var cancel = new CancellationTokenSource();
        var first = await harness.RunAsync(requests, options, cancel, cancelAfter: 50);
        var firstSucceeded = first.Where(r => r.Succeeded).ToList();
        var cancelled = first.Where(r => r.Error is RivyaBatchCanceledException).ToList();
        // Items that ended at the same fake instant as the 50th are reported too: at least 50, at most 50 + 8 in flight.
        firstSucceeded.Count.Should().BeInRange(50, 58);
        cancelled.Should().OnlyContain(r => r.Error!.IdempotencyKey == r.IdempotencyKey);
        cancelled.Should().OnlyContain(r => r.Generation != null && r.Error!.TaskId == r.Generation.Id, "a create already sent is let finish, so its task is reported with its id");
        var tasksAfterFirstRun = harness.Fake.GenerationCount;
        cancelled.Count.Should().BeInRange(1, 8, "the items in flight at the cancel are reported, with their handles");
        tasksAfterFirstRun.Should().Be(firstSucceeded.Count + cancelled.Count, "no new item starts after the cancel, and every task made is reported");

        var second = await harness.RunAsync(requests, options);

        second.Should().HaveCount(100).And.OnlyContain(r => r.Succeeded);
        foreach (var earlier in firstSucceeded)
        {
            var again = second.Single(r => r.Index == earlier.Index);
            again.IdempotencyKey.Should().Be(earlier.IdempotencyKey);
            again.Generation!.Id.Should().Be(earlier.Generation!.Id, "a re-run reaches the task already paid for");
        }

        harness.Fake.GenerationCount.Should().Be(100, "one paid task per item over both runs");
        harness.Fake.Balance.Should().Be(10_000m - (100 * 55));
    }

    [Fact]
    public async Task A_failed_item_is_reported_with_its_handles_and_the_others_still_succeed()
    {
        await using var harness = new BatchHarness();
        harness.Fake.FailNextGeneration();
        var requests = BatchHarness.Requests(1).Concat(new[] { new GenerationRequest { Prompt = "", Params = new Kling26Params() } }).Concat(BatchHarness.Requests(3).Skip(1)).ToList();

        var results = await harness.RunAsync(requests, new BatchOptions { MaxConcurrency = 1, Wait = BatchHarness.Wait });

        results.Should().HaveCount(4);
        var failed = results.Single(r => r.Index == 0);
        failed.Error.Should().BeOfType<RivyaGenerationFailedException>();
        failed.Error!.TaskId.Should().Be(failed.Generation!.Id).And.NotBeNull();
        failed.Error.IdempotencyKey.Should().Be(failed.IdempotencyKey);
        var invalid = results.Single(r => r.Index == 1);
        invalid.Error.Should().BeOfType<RivyaValidationException>();
        invalid.Generation.Should().BeNull();
        results.Where(r => r.Index >= 2).Should().OnlyContain(r => r.Succeeded);
        harness.Fake.GenerationCount.Should().Be(3, "the invalid item was never sent");
    }

    [Fact]
    public async Task Keys_come_from_the_selector_else_the_client_request_id_else_the_content_and_index()
    {
        await using var harness = new BatchHarness();
        var requests = BatchHarness.Requests(2);
        requests[0] = requests[0] with { ClientRequestId = "order-17" };

        var byDefault = await harness.RunAsync(requests, new BatchOptions { Wait = BatchHarness.Wait });
        var bySelector = await harness.RunAsync(requests, new BatchOptions { Wait = BatchHarness.Wait, IdempotencyKeySelector = (_, i) => "mine-" + i });

        byDefault.Single(r => r.Index == 0).IdempotencyKey.Should().Be("order-17");
        byDefault.Single(r => r.Index == 1).IdempotencyKey.Should().MatchRegex("^batch-[0-9a-f]{32}-1$");
        bySelector.Select(r => r.IdempotencyKey).Should().BeEquivalentTo("mine-0", "mine-1");
        harness.Fake.Requests.Where(r => r.Method == "POST").Select(r => r.IdempotencyKey).Distinct()
            .Should().BeEquivalentTo(byDefault.Select(r => r.IdempotencyKey).Concat(new[] { "mine-0", "mine-1" }));
    }

    [Fact]
    public async Task The_pre_flight_refuses_a_batch_the_balance_cannot_cover_before_sending_anything()
    {
        await using var fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { InitialBalance = 100 });
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = fake.ApiKey, BaseAddress = fake.BaseAddress });
        var requests = Enumerable.Range(0, 3)
            .Select(i => new GenerationRequest { Prompt = "Shot " + i, Params = new Kling30Params() })
            .Append(new GenerationRequest { Prompt = "Raw", Params = new RawModelParams("kling-9-9", new System.Text.Json.Nodes.JsonObject()) })
            .ToList();

        var run = async () =>
        {
            await foreach (var unused in client.Generations.CreateAndWaitManyAsync(requests, new BatchOptions { CheckBalanceFirst = true }))
            {
            }
        };

        var refused = (await run.Should().ThrowAsync<RivyaBatchBudgetException>().WaitAsync(TimeSpan.FromSeconds(30))).Which;
        refused.EstimatedCredits.Should().Be(270);
        refused.CurrentCredits.Should().Be(100);
        refused.UnknownCostItems.Should().Be(1);
        refused.Message.Should().Contain("270").And.Contain("100");
        fake.Requests.Should().ContainSingle().Which.Path.Should().Be("/api/v1/credits");
        fake.GenerationCount.Should().Be(0);
    }

    [Fact]
    public void EstimateCredits_is_the_base_credits_of_a_known_model_and_null_otherwise()
    {
        new GenerationRequest { Prompt = "p", Params = new Kling30Params() }.EstimateCredits().Should().Be(ModelCatalog.Kling30.BaseCredits).And.Be(90);
        new GenerationRequest { Prompt = "p", Params = new KlingV25TurboProParams() }.EstimateCredits().Should().Be(42);
        new GenerationRequest { Prompt = "p", Params = new RawModelParams("kling-9-9", new System.Text.Json.Nodes.JsonObject()) }.EstimateCredits().Should().BeNull();
    }

    [Fact]
    public void Bad_arguments_fail_at_the_call()
    {
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = "rvya_sk_test", BaseAddress = new Uri("http://127.0.0.1:9/") });
        var withNull = new GenerationRequest[] { null! };

        FluentActions.Invoking(() => client.Generations.CreateAndWaitManyAsync(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => client.Generations.CreateAndWaitManyAsync(withNull)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new BatchOptions { MaxConcurrency = 0 }).Should().Throw<ArgumentOutOfRangeException>();
    }
}
