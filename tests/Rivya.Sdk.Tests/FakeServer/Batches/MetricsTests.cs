using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Batches;

/// <summary>
/// The <c>Rivya.Sdk</c> instruments, seen through the client's own meter (from its own <c>IMeterFactory</c>), so every
/// count is exactly this test's: other tests recording in parallel cannot make an assertion pass.
/// </summary>
[Collection(IdleClockTests.Name)]
public sealed class MetricsTests
{
    [Fact]
    public async Task The_Rivya_Sdk_meter_reports_requests_generations_credits_waits_and_pauses()
    {
        await using var harness = new BatchHarness(o =>
        {
            o.CreateRateLimit = 1;
            o.RateLimitWindow = TimeSpan.FromSeconds(10);
        });
        var requests = Enumerable.Range(0, 2).Select(i => new GenerationRequest { Prompt = "Metrics " + i, Params = new KlingV25TurboProParams() }).ToList();
        var batch = await harness.RunAsync(requests, new BatchOptions { MaxConcurrency = 2, Wait = BatchHarness.Wait });
        var waited = harness.Client.Generations.CreateAndWaitAsync(new GenerationRequest { Prompt = "Metrics single", Params = new KlingV25TurboProParams() }, BatchHarness.Wait);
        await harness.Clock.RunUntilAsync(waited, () => harness.Handler.InFlight, TimeSpan.FromSeconds(30)).WaitAsync(TimeSpan.FromSeconds(60));

        batch.Should().OnlyContain(r => r.Succeeded);
        var meters = harness.Meters;
        meters.Of("rivya.client.requests").Count(m => m.Tag("rivya.operation") == "generations.create" && m.Tag("rivya.outcome") == "success").Should().Be(3);
        // A batch's 429 is a retry of its call (inside the client's one retry loop), counted under the call's operation.
        meters.Of("rivya.client.retries").Should().Contain(m => m.Tag("rivya.operation") == "generations.create")
            .And.NotContain(m => m.Tag("rivya.operation") == "batch");
        meters.Of("rivya.client.rate_limit.pauses").Should().NotBeEmpty();
        meters.Of("rivya.client.credits.reserved").Should().OnlyContain(m => m.Tag("rivya.model") == "kling-v2-5-turbo-pro")
            .And.Subject.Sum(m => m.Value).Should().Be(3 * 42);
        meters.Of("rivya.client.generations").Should().HaveCount(3).And.OnlyContain(m => m.Tag("rivya.generation.status") == "succeeded");
        meters.Of("rivya.client.wait.duration").Should().HaveCount(1, "the single wait records its duration; a batch item counts as a generation").And.OnlyContain(m => m.Value >= 1.0 && m.Tag("rivya.generation.status") == "succeeded");
        meters.Measurements.SelectMany(m => m.Tags.Values).OfType<string>().Should().NotContain(v => v.Contains(harness.Fake.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_built_without_a_meter_factory_records_nothing_on_another_clients_meter()
    {
        await using var harness = new BatchHarness();
        using var other = new RivyaClient(new RivyaClientOptions { ApiKey = harness.Fake.ApiKey, BaseAddress = harness.Fake.BaseAddress });

        await other.Credits.GetBalanceAsync().WaitAsync(TimeSpan.FromSeconds(30));

        harness.Meters.Measurements.Should().BeEmpty("the static meter of new RivyaClient is not the factory's");
    }
}
