using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace Rivya.Sdk.Tests.Support;

/// <summary>One recorded measurement: instrument, value and tags.</summary>
public sealed record Measurement(string Name, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? value as string : null;
}

/// <summary>
/// Records the measurements of the meters one <see cref="IMeterFactory"/> made, and no other: give
/// <see cref="Factory"/> to the client under test (<c>RivyaClientOptions.MeterFactory</c>, or through DI), and
/// measurements of clients in tests running in parallel (on the static meter or another factory's) are never seen.
/// </summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener;
    private readonly ConcurrentQueue<Measurement> _seen = new();

    public MeterRecorder()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Factory = _services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, Factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => _seen.Enqueue(new Measurement(i.Name, v, ToDictionary(tags))));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => _seen.Enqueue(new Measurement(i.Name, v, ToDictionary(tags))));
        _listener.Start();
    }

    public IMeterFactory Factory { get; }

    public IReadOnlyList<Measurement> Measurements => _seen.ToArray();

    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Name == instrument).ToList();

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
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
