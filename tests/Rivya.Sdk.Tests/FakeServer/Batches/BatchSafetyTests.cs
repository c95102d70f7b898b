using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Xunit;

namespace Rivya.Sdk.Tests.Batches;

/// <summary>
/// A batch is as safe as a single call, because its creates and polls run through the same retry loop (the batch's
/// gate is a hook of it): a 5xx, a lost connection and an unreadable 2xx are retried with the same key, 429s spend
/// the gate's pauses up to their limit, and one bad item is that item's error while the others run.
/// </summary>
[Collection(IdleClockTests.Name)]
public sealed class BatchSafetyTests
{
    [Fact]
    public async Task An_unreadable_2xx_on_a_create_is_retried_with_the_same_key_like_a_single_call()
    {
        await using var harness = new BatchHarness();
        harness.Fake.InjectFaults(1, FakeFault.HalfJson());

        var results = await harness.RunAsync(BatchHarness.Requests(1), new BatchOptions { MaxConcurrency = 1, Wait = BatchHarness.Wait });

        results.Should().ContainSingle().Which.Succeeded.Should().BeTrue("a half-JSON 2xx is a passing fault, retried with the same key");
        harness.Fake.GenerationCount.Should().Be(1);
        CreateKeys(harness).Should().HaveCount(2).And.OnlyContain(k => k == results[0].IdempotencyKey);
        RetryLines(harness).Should().ContainSingle("the retry is the client's one retry loop, logged and counted under generations.create");
    }

    [Fact]
    public async Task A_5xx_and_lost_connections_on_a_create_spend_the_clients_retries_with_one_key_and_nothing_is_paid_twice()
    {
        await using var harness = new BatchHarness(configureClient: o => o.MaxRetries = 4);
        harness.Fake.InjectFaults(1, new FakeFault(HttpStatusCode.ServiceUnavailable));
        harness.Fake.InjectFaults(1, FakeFault.AbortAfterWork());
        harness.Fake.InjectFaults(1, FakeFault.ErrorAfterWork(HttpStatusCode.BadGateway));
        harness.Fake.InjectFaults(1, FakeFault.AbortBeforeWork());

        var results = await harness.RunAsync(BatchHarness.Requests(2), new BatchOptions { MaxConcurrency = 1, Wait = BatchHarness.Wait });

        results.Should().HaveCount(2).And.OnlyContain(r => r.Succeeded);
        harness.Fake.GenerationCount.Should().Be(2, "a create whose answer was lost is repeated with its key, reaching the same task");
        harness.Fake.Balance.Should().Be(10_000m - (2 * 55));
        var first = results.Single(r => r.Index == 0).IdempotencyKey;
        CreateKeys(harness).Count(k => k == first).Should().Be(5, "four faults, four retries of the client's MaxRetries, one key");
        RetryLines(harness).Should().HaveCount(4);

        await using var strict = new BatchHarness();
        strict.Fake.InjectFaults(3, new FakeFault(HttpStatusCode.ServiceUnavailable));
        var spent = await strict.RunAsync(BatchHarness.Requests(1), new BatchOptions { Wait = BatchHarness.Wait });
        spent.Single().Error.Should().BeAssignableTo<RivyaApiException>().Which.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "a 503 spends retries, not the gate's pauses: 1 + MaxRetries (2) attempts");
        CreateKeys(strict).Should().HaveCount(3);
    }

    [Fact]
    public async Task A_server_that_never_lets_up_ends_the_item_after_the_pause_limit_and_the_next_item_runs()
    {
        await using var harness = new BatchHarness();
        harness.Fake.InjectFaults(BatchRateGateLimit + 1, HttpStatusCode.TooManyRequests, "rate_limited", TimeSpan.FromSeconds(1));

        var results = await harness.RunAsync(BatchHarness.Requests(2), new BatchOptions { MaxConcurrency = 1, Wait = BatchHarness.Wait });

        var limited = results.Single(r => r.Index == 0);
        limited.Error.Should().BeOfType<RivyaRateLimitException>().Which.IdempotencyKey.Should().Be(limited.IdempotencyKey);
        CreateKeys(harness).Count(k => k == limited.IdempotencyKey).Should().Be(BatchRateGateLimit + 1, "each 429 spends one pause, not a retry, until the limit");
        results.Single(r => r.Index == 1).Succeeded.Should().BeTrue();
        harness.Logs.WithEventId(40).Should().HaveCount(BatchRateGateLimit, "each retried 429 closed the gate once");
    }

    [Fact]
    public async Task One_bad_item_is_its_own_error_with_its_index_and_every_other_item_runs()
    {
        await using var harness = new BatchHarness();
        var good = BatchHarness.Requests(6);
        var requests = new List<GenerationRequest>
        {
            good[0],
            new() { Prompt = "not a number", Params = new KlingV21MasterParams { CfgScale = double.NaN } },
            good[2],
            new() { Prompt = "no params", Params = null! },
            new() { Prompt = "too deep", Params = new Kling26Params { AdditionalParams = Nested(100) } },
            good[5],
        };

        var results = await harness.RunAsync(requests, new BatchOptions { MaxConcurrency = 1, Wait = BatchHarness.Wait });

        results.Select(r => r.Index).Should().BeEquivalentTo(Enumerable.Range(0, 6));
        results.Where(r => r.Index is 0 or 2 or 5).Should().OnlyContain(r => r.Succeeded);
        foreach (var bad in results.Where(r => r.Index is 1 or 3 or 4))
        {
            bad.Error.Should().BeOfType<RivyaValidationException>($"item {bad.Index} breaks a rule");
            bad.Generation.Should().BeNull();
            bad.IdempotencyKey.Should().BeEmpty("no key is derived from a request that failed validation");
        }

        harness.Fake.GenerationCount.Should().Be(3, "the bad items were never sent");
    }

    [Fact]
    public async Task A_key_selector_that_throws_or_answers_blank_fails_only_its_item()
    {
        await using var harness = new BatchHarness();
        var options = new BatchOptions
        {
            MaxConcurrency = 1,
            Wait = BatchHarness.Wait,
            IdempotencyKeySelector = (_, i) => i switch
            {
                1 => throw new InvalidOperationException("no key for you"),
                2 => " ",
                _ => "order-" + i,
            },
        };

        var results = await harness.RunAsync(BatchHarness.Requests(4), options);

        results.Should().HaveCount(4);
        results.Where(r => r.Index is 0 or 3).Should().OnlyContain(r => r.Succeeded);
        results.Single(r => r.Index == 1).Error.Should().BeOfType<RivyaValidationException>().Which.Message.Should().Contain("no key for you").And.Contain("item 1");
        results.Single(r => r.Index == 2).Error.Should().BeOfType<RivyaValidationException>().Which.Message.Should().Contain("blank key");
        CreateKeys(harness).Should().BeEquivalentTo("order-0", "order-3");
    }

    private const int BatchRateGateLimit = Rivya.Sdk.Batches.BatchRateGate.MaxRateLimitPauses;

    private static List<string?> CreateKeys(BatchHarness harness) =>
        harness.Fake.Requests.Where(r => r.Method == "POST").Select(r => r.IdempotencyKey).ToList();

    private static IReadOnlyList<Support.LogRecord> RetryLines(BatchHarness harness) => harness.Logs.WithEventId(3);

    private static JsonObject Nested(int depth)
    {
        var root = new JsonObject();
        var current = root;
        for (var i = 1; i < depth; i++)
        {
            var next = new JsonObject();
            current["n"] = next;
            current = next;
        }

        return root;
    }
}
