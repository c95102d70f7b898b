using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Batches;

public sealed class MetricsTests
{
    [Fact]
    public async Task The_Rivya_Sdk_meter_reports_requests_generations_credits_waits_and_pauses()
    {
        var seen = new ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Rivya.Sdk")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Enqueue((i.Name, v, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => seen.Enqueue((i.Name, v, ToDictionary(tags))));
        listener.Start();

        // Model kling-v2-5-turbo-pro (42 credits) only here, so the credit measurement is this test's own.
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
        var measurements = seen.ToList();
        measurements.Should().Contain(m => m.Name == "rivya.client.requests" && (string?)m.Tags["rivya.operation"] == "generations.create" && (string?)m.Tags["rivya.outcome"] == "success");
        // A batch's 429 is a retry of its call (inside the client's one retry loop), counted under the call's operation.
        measurements.Should().Contain(m => m.Name == "rivya.client.retries" && (string?)m.Tags["rivya.operation"] == "generations.create");
        measurements.Should().NotContain(m => m.Name == "rivya.client.retries" && (string?)m.Tags["rivya.operation"] == "batch");
        measurements.Should().Contain(m => m.Name == "rivya.client.rate_limit.pauses");
        measurements.Where(m => m.Name == "rivya.client.credits.reserved" && (string?)m.Tags["rivya.model"] == "kling-v2-5-turbo-pro").Sum(m => m.Value).Should().BeGreaterThanOrEqualTo(3 * 42);
        measurements.Should().Contain(m => m.Name == "rivya.client.generations" && (string?)m.Tags["rivya.generation.status"] == "succeeded");
        measurements.Should().Contain(m => m.Name == "rivya.client.wait.duration" && m.Value >= 1.0 && (string?)m.Tags["rivya.generation.status"] == "succeeded");
        measurements.SelectMany(m => m.Tags.Values).OfType<string>().Should().NotContain(v => v.Contains(harness.Fake.ApiKey, StringComparison.Ordinal));
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
