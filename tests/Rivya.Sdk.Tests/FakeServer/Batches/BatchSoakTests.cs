using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Rivya.Sdk.Tests.Batches;

/// <summary>
/// The bar of "a passing fault costs a batch nothing": 200 items through 20 % seeded faults of every kind the fake
/// offers, on the batch harness's fake clock (the schedule never waits on the wall clock). Every item succeeds, and
/// the fake's own records show one task and one charge per item: no duplicate, nothing lost.
/// </summary>
[Collection(IdleClockTests.Name)]
public sealed class BatchSoakTests(ITestOutputHelper output)
{
    private const int Items = 200;
    private const int Seed = 20_261_207;
    private const decimal Kling26Five = 55m;

    // Every kind of FakeFaultKind, and each error answer Rivya may give a retryable status with.
    private static readonly FakeFault[] Faults =
    [
        new(HttpStatusCode.ServiceUnavailable),
        new(HttpStatusCode.BadGateway) { Html = true },
        new(HttpStatusCode.GatewayTimeout),
        new(HttpStatusCode.TooManyRequests) { ErrorCode = "rate_limited", RetryAfter = TimeSpan.FromSeconds(1) },
        FakeFault.ErrorAfterWork(),
        FakeFault.AbortBeforeWork(),
        FakeFault.AbortAfterWork(),
        FakeFault.HalfJson(),
        FakeFault.CutBody(),
        FakeFault.Slow(TimeSpan.FromMilliseconds(20)),
    ];

    [Fact]
    public async Task Two_hundred_items_under_twenty_percent_faults_all_succeed_with_no_duplicate_and_none_lost()
    {
        Enum.GetValues<FakeFaultKind>().Should().BeSubsetOf(Faults.Select(f => f.Kind), "every kind of fault the fake offers is in the mix");
        const decimal initialBalance = 100_000m;
        // Ten retries: a create fails only after 11 faults in a row (0.2^11 per create), so the bar is not luck.
        await using var harness = new BatchHarness(o => o.InitialBalance = initialBalance, o => o.MaxRetries = 10);
        harness.Fake.InjectRandomFaults(0.2, Seed, Faults);

        var results = await harness.RunAsync(BatchHarness.Requests(Items), new BatchOptions { MaxConcurrency = 8, Wait = BatchHarness.Wait });

        var struck = harness.Fake.RandomFaultsStruck;
        var requests = harness.Fake.Requests;
        harness.Fake.ClearFaults();
        output.WriteLine($"{requests.Count} requests, {struck} faults, {harness.Fake.GenerationCount} tasks, simulated {harness.Elapsed.TotalSeconds:0} s");

        struck.Should().BeGreaterThan(requests.Count / 10, "the faults must have struck for the bar to mean anything");
        results.Select(r => r.Index).Should().BeEquivalentTo(Enumerable.Range(0, Items));
        results.Where(r => !r.Succeeded).Select(r => $"{r.Index}: {r.Error}").Should().BeEmpty();
        var ids = results.Select(r => r.Generation!.Id).ToList();
        ids.Should().OnlyHaveUniqueItems();
        harness.Fake.GenerationCount.Should().Be(Items, "one task per item: no create made a second task, and every task made is an item's");
        harness.Fake.Balance.Should().Be(initialBalance - (Items * Kling26Five), "each item paid once");
        requests.Where(r => r.Method == "POST").Select(r => r.IdempotencyKey).Distinct()
            .Should().BeEquivalentTo(results.Select(r => r.IdempotencyKey), "every create attempt carried its item's key");
    }
}
