using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Threading.Tasks;

namespace Rivya.Sdk.Http;

/// <summary>
/// The <see cref="Meter"/> named <c>Rivya.Sdk</c>. Instrument names follow the OpenTelemetry semantic conventions'
/// style (dotted lower-case, a unit, low-cardinality attributes: never an id, a key or a path with an id). Every
/// recording first asks <see cref="Instrument.Enabled"/>, so with nobody listening a call costs one field read.
/// </summary>
internal static class RivyaMetrics
{
    public const string MeterName = "Rivya.Sdk";

    private static readonly Meter Meter = new(MeterName, typeof(RivyaMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>Calls by operation (<c>generations.create</c>, ...) and outcome (<c>success</c>, an error code, or an exception type).</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("rivya.client.requests", "{request}", "Rivya API calls, by operation and outcome.");

    /// <summary>Retries of a call (each one sleeps first).</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("rivya.client.retries", "{retry}", "Retries of Rivya API calls.");

    /// <summary>Pauses of a whole batch after a 429.</summary>
    public static readonly Counter<long> RateLimitPauses = Meter.CreateCounter<long>("rivya.client.rate_limit.pauses", "{pause}", "Pauses of a whole batch after a 429 rate_limited answer.");

    /// <summary>How long waits for a generation took, by final status.</summary>
    public static readonly Histogram<double> WaitDuration = Meter.CreateHistogram<double>("rivya.client.wait.duration", "s", "Time from the start of a wait to the task's final status.");

    /// <summary>Generations seen to end, by final status.</summary>
    public static readonly Counter<long> Generations = Meter.CreateCounter<long>("rivya.client.generations", "{generation}", "Generations seen to reach a final status, by status.");

    /// <summary>Credits reserved by the creates this client made (the task's <c>reserved_credits</c>), by model.</summary>
    public static readonly Counter<double> CreditsReserved = Meter.CreateCounter<double>("rivya.client.credits.reserved", "{credit}", "Credits reserved by created generations, by model.");

    public static void RecordRequest(string operation, string outcome)
    {
        if (Requests.Enabled)
        {
            Requests.Add(1, new KeyValuePair<string, object?>("rivya.operation", operation), new KeyValuePair<string, object?>("rivya.outcome", outcome));
        }
    }

    public static void RecordRetry(string operation)
    {
        if (Retries.Enabled)
        {
            Retries.Add(1, new KeyValuePair<string, object?>("rivya.operation", operation));
        }
    }

    public static void RecordRateLimitPause()
    {
        if (RateLimitPauses.Enabled)
        {
            RateLimitPauses.Add(1);
        }
    }

    public static void RecordGeneration(GenerationStatus status)
    {
        if (Generations.Enabled)
        {
            Generations.Add(1, new KeyValuePair<string, object?>("rivya.generation.status", status.ToString()));
        }
    }

    public static void RecordWait(long startedTimestamp, TimeProvider time, GenerationStatus status)
    {
        if (WaitDuration.Enabled)
        {
            WaitDuration.Record(time.GetElapsedTime(startedTimestamp).TotalSeconds, new KeyValuePair<string, object?>("rivya.generation.status", status.ToString()));
        }
    }

    /// <summary><paramref name="create"/>, recording its reserved credits when it answers; itself when nobody listens (no extra state machine).</summary>
    public static Task<Generation> RecordCreated(Task<Generation> create) =>
        CreditsReserved.Enabled ? RecordCreatedAsync(create) : create;

    private static async Task<Generation> RecordCreatedAsync(Task<Generation> create)
    {
        var created = await create.ConfigureAwait(false);
        CreditsReserved.Add((double)created.ReservedCredits, new KeyValuePair<string, object?>("rivya.model", created.Model ?? "unknown"));
        return created;
    }
}
