using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Rivya.Sdk.Tests.FakeServer;

/// <summary>
/// The bar of "no paid generation is failed or lost by a passing fault": a thousand <c>CreateAndWaitAsync</c> calls, 8 at
/// a time, against a fake that faults 20 % of requests (seeded), on a clock a thousand times faster than the wall clock.
/// </summary>
public class SoakTests(ITestOutputHelper output)
{
    private const int Calls = 1_000;
    private const int Concurrency = 8;
    private const int Seed = 20_261_129;
    private const double FaultRate = 0.2;
    private const decimal Kling30Std5Credits = 90m;

    // Every fault of the issue. The slow answer outlasts the client's attempt timeout (100 s on a 1000x clock: 100 ms).
    private static readonly FakeFault[] Faults =
    [
        new(HttpStatusCode.ServiceUnavailable),
        new(HttpStatusCode.BadGateway) { Html = true },
        new(HttpStatusCode.TooManyRequests) { RetryAfter = TimeSpan.FromSeconds(1) },
        FakeFault.ErrorAfterWork(),
        FakeFault.AbortBeforeWork(),
        FakeFault.AbortAfterWork(),
        FakeFault.Slow(TimeSpan.FromSeconds(1)),
        FakeFault.CutBody(),
        FakeFault.HalfJson(),
    ];

    [Fact]
    public async Task A_thousand_create_and_waits_under_twenty_percent_faults_lose_nothing_and_pay_once()
    {
        var clock = new ScaledClock(speed: 1000);
        const decimal initialBalance = 1_000_000m;
        await using var fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { InitialBalance = initialBalance, TimeProvider = clock });
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = fake.ApiKey, BaseAddress = fake.BaseAddress, MaxRetries = 5, TimeProvider = clock });
        var wait = new WaitOptions { Timeout = TimeSpan.FromDays(1) };
        fake.InjectRandomFaults(FaultRate, Seed, Faults);

        var started = Stopwatch.StartNew();
        var outcomes = new (Generation? Done, Exception? Error)[Calls];
        await Parallel.ForEachAsync(Enumerable.Range(0, Calls), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, token) =>
        {
            try
            {
                outcomes[i] = (await client.Generations.CreateAndWaitAsync(Request(i), wait, cancellationToken: token), null);
            }
#pragma warning disable CA1031 // Every exception is counted: typed or not is the point.
            catch (Exception e)
#pragma warning restore CA1031
            {
                outcomes[i] = (null, e);
            }
        }).WaitAsync(TimeSpan.FromMinutes(3));
        started.Stop();

        var requests = fake.Requests.Count;
        var faults = fake.RandomFaultsStruck;
        var tasksMade = fake.GenerationCount;
        var charged = initialBalance - fake.Balance;
        fake.ClearFaults();

        var failures = outcomes.Where(o => o.Error is not null).Select(o => o.Error!).ToList();
        var untyped = failures.Count(e => e is not RivyaException and not RivyaOperationCanceledException);
        var reached = new HashSet<string>(outcomes.Where(o => o.Done is not null).Select(o => o.Done!.Id), StringComparer.Ordinal);
        var lost = 0;
        foreach (var (failure, index) in outcomes.Select((o, i) => (o.Error, i)).Where(o => o.Error is not null))
        {
            // Recovery exactly as the README shows it: resume by id, else repeat the create with the key.
            var (taskId, key) = failure switch
            {
                RivyaException e => (e.TaskId, e.IdempotencyKey),
                RivyaOperationCanceledException e => (e.TaskId, e.IdempotencyKey),
                _ => (null, null),
            };
            if (taskId is not null)
            {
                reached.Add((await client.Generations.GetAsync(taskId).Bound()).Id);
            }
            else if (key is not null)
            {
                var before = fake.GenerationCount;
                var again = await client.Generations.CreateAsync(Request(index), new RequestOptions { IdempotencyKey = key }).Bound();
                if (fake.GenerationCount == before)
                {
                    reached.Add(again.Id);
                }
            }
            else
            {
                lost++;
            }
        }

        // A task no call can account for is a second paid task (or a lost one): either way, a failure of the bar.
        var duplicates = tasksMade - reached.Count;
        var succeeded = outcomes.Count(o => o.Done?.Status == GenerationStatus.Succeeded);
        output.WriteLine(
            $"soak seed {Seed}: calls {Calls}, succeeded {succeeded} ({100.0 * succeeded / Calls:0.###} %), typed {failures.Count - untyped}, " +
            $"untyped {untyped}, duplicates {duplicates}, lost {lost}; {requests} requests, {faults} faulted, {tasksMade} tasks, {charged} credits charged, " +
            $"{started.Elapsed.TotalSeconds:0.0} s");
        foreach (var failure in failures.Take(5))
        {
            output.WriteLine($"  {failure.GetType().Name}: {failure.Message}");
        }

        untyped.Should().Be(0);
        duplicates.Should().Be(0);
        lost.Should().Be(0);
        charged.Should().Be(tasksMade * Kling30Std5Credits, "the ledger charged each task once");
        requests.Should().BeGreaterThan(Calls * 3, "every call creates and polls at least twice");
        ((double)faults / requests).Should().BeInRange(0.15, 0.25, "a fifth of the requests faulted");
        succeeded.Should().BeGreaterThanOrEqualTo((int)Math.Ceiling(Calls * 0.999));
    }

    private static GenerationRequest Request(int index) => new()
    {
        Prompt = "Soak call " + index,
        Params = new Kling30Params { Mode = Kling30Mode.Std, Duration = 5 },
    };
}
