using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// Which types a call allocates, estimated from the runtime's allocation ticks (one event per ~100 KB allocated,
/// naming the type that crossed the line): <c>-- alloc NAME [calls]</c> with NAME one of QuickRun's cases, e.g.
/// <c>"Get Sdk"</c>. A sampling estimate: a call allocates the same sequence every time, so a random-sized pad
/// (<see cref="Pad"/>, left out of the report) goes between calls to move the 100 KB line around.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const int GcKeyword = 0x1;
    private readonly Dictionary<string, long> _bytesByType = [];
    private bool _recording;

    public static int Run(string name, int calls, Func<Task> call)
    {
        for (var i = 0; i < calls / 10; i++)
        {
            call().GetAwaiter().GetResult();
        }

        using var sampler = new AllocationSampler();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var padBytes = 0L;
        sampler._recording = true;
        for (var i = 0; i < calls; i++)
        {
            call().GetAwaiter().GetResult();
            var pad = new Pad[Random.Shared.Next(1, 64)];
            padBytes += 24 + (pad.Length * 16);
        }

        sampler._recording = false;
        var total = GC.GetTotalAllocatedBytes(precise: true) - before - padBytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {total / (double)calls:0} B per call; sampled by type (B per call):"));
        lock (sampler._bytesByType)
        {
            foreach (var (type, bytes) in sampler._bytesByType.Where(pair => !pair.Key.EndsWith("Pad[]", StringComparison.Ordinal)).OrderByDescending(pair => pair.Value))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)calls,8:0.0}  {type}"));
            }
        }

        return 0;
    }

    private readonly record struct Pad(long A, long B);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName is not { } eventName || !eventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var names = eventData.PayloadNames!;
        var type = (string?)eventData.Payload[names.IndexOf("TypeName")] ?? "?";
        var amount = Convert.ToInt64(eventData.Payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
        lock (_bytesByType)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
        }
    }
}
