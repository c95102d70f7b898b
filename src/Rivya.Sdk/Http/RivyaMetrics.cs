using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Threading.Tasks;

namespace Rivya.Sdk.Http;

/// <summary>
/// The instruments of the <see cref="Meter"/> named <c>Rivya.Sdk</c>. Instrument names follow the OpenTelemetry
/// semantic conventions' style (dotted lower-case, a unit); every tag value comes from a fixed set
/// (<see cref="MetricTags"/>), never a server string. A client resolved from DI records on a meter made by the host's
/// <see cref="IMeterFactory"/> (the .NET 8 convention, so a test sees only its own client); a plain
/// <c>new RivyaClient</c> records on <see cref="Shared"/>, one static meter. Every recording first asks
/// <see cref="Instrument.Enabled"/>, so with nobody listening a call costs one field read.
/// </summary>
internal sealed class RivyaMetrics
{
    public const string MeterName = "Rivya.Sdk";

    private static readonly string? Version = typeof(RivyaMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    private readonly Counter<long> _requests;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _rateLimitPauses;
    private readonly Histogram<double> _waitDuration;
    private readonly Counter<long> _generations;
    private readonly Counter<double> _creditsReserved;

    private RivyaMetrics(Meter meter)
    {
        Meter = meter;
        _requests = meter.CreateCounter<long>("rivya.client.requests", "{request}", "Rivya API calls, by operation and outcome.");
        _retries = meter.CreateCounter<long>("rivya.client.retries", "{retry}", "Retries of Rivya API calls.");
        _rateLimitPauses = meter.CreateCounter<long>("rivya.client.rate_limit.pauses", "{pause}", "Pauses of a whole batch after a 429 rate_limited answer.");
        _waitDuration = meter.CreateHistogram<double>("rivya.client.wait.duration", "s", "Time from the start of a wait to the task's final status.");
        _generations = meter.CreateCounter<long>("rivya.client.generations", "{generation}", "Generations seen to reach a final status, by status.");
        _creditsReserved = meter.CreateCounter<double>("rivya.client.credits.reserved", "{credit}", "Credits reserved by created generations, by model.");
    }

    /// <summary>The static meter of clients built with <c>new RivyaClient</c>.</summary>
    public static RivyaMetrics Shared { get; } = new(new Meter(MeterName, Version));

    /// <summary>The meter the instruments live on (for tests that listen to one client only).</summary>
    public Meter Meter { get; }

    /// <summary>The instruments on a meter from <paramref name="factory"/>, or <see cref="Shared"/> without one.</summary>
    public static RivyaMetrics For(IMeterFactory? factory) =>
        factory is null ? Shared : new RivyaMetrics(factory.Create(new MeterOptions(MeterName) { Version = Version }));

    /// <summary>A call answered (<paramref name="outcome"/> from <see cref="MetricTags"/>).</summary>
    public void RecordRequest(string operation, string outcome)
    {
        if (_requests.Enabled)
        {
            _requests.Add(1, new KeyValuePair<string, object?>("rivya.operation", operation), new KeyValuePair<string, object?>("rivya.outcome", outcome));
        }
    }

    /// <summary>A retry of <paramref name="operation"/> (an SDK operation name such as <c>generations.create</c>).</summary>
    public void RecordRetry(string operation)
    {
        if (_retries.Enabled)
        {
            _retries.Add(1, new KeyValuePair<string, object?>("rivya.operation", operation));
        }
    }

    public void RecordRateLimitPause()
    {
        if (_rateLimitPauses.Enabled)
        {
            _rateLimitPauses.Add(1);
        }
    }

    public void RecordGeneration(GenerationStatus status)
    {
        if (_generations.Enabled)
        {
            _generations.Add(1, new KeyValuePair<string, object?>("rivya.generation.status", MetricTags.Status(status)));
        }
    }

    public void RecordWait(long startedTimestamp, TimeProvider time, GenerationStatus status)
    {
        if (_waitDuration.Enabled)
        {
            _waitDuration.Record(time.GetElapsedTime(startedTimestamp).TotalSeconds, new KeyValuePair<string, object?>("rivya.generation.status", MetricTags.Status(status)));
        }
    }

    /// <summary><paramref name="create"/>, recording its reserved credits when it answers; itself when nobody listens (no extra state machine).</summary>
    public Task<Generation> RecordCreated(Task<Generation> create) =>
        _creditsReserved.Enabled ? RecordCreatedAsync(create) : create;

    private async Task<Generation> RecordCreatedAsync(Task<Generation> create)
    {
        var created = await create.ConfigureAwait(false);
        _creditsReserved.Add((double)created.ReservedCredits, new KeyValuePair<string, object?>("rivya.model", MetricTags.Model(created.Model)));
        return created;
    }
}
