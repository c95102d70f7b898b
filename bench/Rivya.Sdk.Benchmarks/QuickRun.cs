using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// <c>-- quick [calls] [rounds]</c>: a rough, BenchmarkDotNet-free pass for iterating on the SDK's hot path: the wire check, a warm-up, then rounds in
/// which every case runs a batch of sequential calls in turn (in a shuffled order), so a slow patch of background
/// load hits every client alike. Prints each case's median microseconds per call over the rounds and its allocated bytes per call
/// (process-wide, like BenchmarkDotNet's MemoryDiagnoser). The README's numbers come from BenchmarkDotNet.
/// </summary>
public static class QuickRun
{

    public static int Run(string[] args, string? only = null)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        using var clients = new ClientsUnderTest();
        WireCheck.Verify(clients);
        Console.WriteLine("wire check passed");
        return RunOn(clients, calls, rounds, only);
    }

    /// <summary>
    /// The clients' own cost: each call on an <see cref="Clients.InMemoryHandler"/> runs synchronously on this thread,
    /// so its allocations are counted exactly (this thread's bytes) and its time is CPU time with no socket in it.
    /// </summary>
    public static int RunInMemory(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        using var clients = new ClientsUnderTest(inMemory: true);
        return RunOn(clients, calls, rounds, only: null, threadBytes: true);
    }

    /// <summary>
    /// <c>-- spin NAME [calls] [inmemory]</c>: one case in a loop and nothing else, for a sampling profiler
    /// (e.g. <c>DOTNET_PerfMapEnabled=1 perf record -e cpu-clock -g</c>), then its microseconds per call.
    /// </summary>
    public static int Spin(string name, string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        using var clients = new ClientsUnderTest(inMemory: args is [_, "inmemory", ..]);
        var found = Cases(clients).Find(c => c.Name == name);
        if (found.Call is null)
        {
            return Fail(name);
        }

        Measure(found.Call, calls / 10);
        var (elapsed, allocated) = Measure(found.Call, calls);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {elapsed.TotalMilliseconds * 1000 / calls:0.00} us/call, {allocated / (double)calls:0} B/call (process-wide)"));
        return 0;
    }

    private static List<(string Name, Func<Task> Call)> Cases(ClientsUnderTest clients) =>
    [
        ("Create HandWritten", () => clients.HandWritten.CreateAsync(clients.Body)),
        ("Create Refit", () => clients.Refit.CreateAsync(clients.Body, Guid.NewGuid().ToString())),
        ("Create Sdk", () => clients.Sdk.Generations.CreateAsync(clients.Request)),
        ("Create SdkDefault", () => clients.SdkDefault.Generations.CreateAsync(clients.Request)),
        ("Create SdkDi", () => clients.SdkDi.Generations.CreateAsync(clients.Request)),
        ("Get HandWritten", () => clients.HandWritten.GetAsync(ClientsUnderTest.GenerationId)),
        ("Get Refit", () => clients.Refit.GetAsync(ClientsUnderTest.GenerationId)),
        ("Get Sdk", () => clients.Sdk.Generations.GetAsync(ClientsUnderTest.GenerationId)),
        ("Get SdkDefault", () => clients.SdkDefault.Generations.GetAsync(ClientsUnderTest.GenerationId)),
        ("Get SdkDi", () => clients.SdkDi.Generations.GetAsync(ClientsUnderTest.GenerationId)),
    ];

    private static int RunOn(ClientsUnderTest clients, int calls, int rounds, string? only, bool threadBytes = false)
    {

        var floor = new LoopbackFloorBenchmarks();
        floor.Setup();
        try
        {
            var cases = Cases(clients);

            if (!threadBytes)
            {
                cases.Insert(0, ("Floor RawSocketGet", () => Task.FromResult(floor.RawGet())));
            }

            if (only is not null)
            {
                var found = cases.Find(c => c.Name == only);
                return found.Call is null ? Fail(only) : AllocationSampler.Run(only, calls, found.Call);
            }

            var batch = Math.Max(1, calls / rounds);
            foreach (var (_, call) in cases)
            {
                Measure(call, batch);
            }

            var micros = cases.ToDictionary(c => c.Name, _ => new List<double>());
            var bytes = cases.ToDictionary(c => c.Name, _ => 0L);
            var order = new Random(20260511);
            for (var round = 0; round < rounds; round++)
            {
                // A fresh order each round: no client always runs right after the same neighbour.
                var shuffled = cases.ToArray();
                order.Shuffle(shuffled);
                foreach (var (name, call) in shuffled)
                {
                    var (elapsed, allocated) = Measure(call, batch, threadBytes);
                    micros[name].Add(elapsed.TotalMilliseconds * 1000 / batch);
                    bytes[name] += allocated;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} interleaved rounds of {batch} calls per case; medians over the rounds"));
            Console.WriteLine($"{"case",-20} {"us/call",8} {"time ratio (p25-p75)",22} {"B/call",8} {"alloc ratio",11}");
            foreach (var (name, _) in cases)
            {
                // The ratio is taken round by round against the hand-written client of the same operation, which ran
                // moments before: slow drifts in background load cancel out.
                var baseline = name.Split(' ')[0] + " HandWritten";
                var ratio = micros.TryGetValue(baseline, out var reference)
                    ? Quartiles(micros[name].Zip(reference, (mine, theirs) => mine / theirs))
                    : "-";
                var allocated = bytes[name] / (double)(batch * rounds);
                var allocRatio = bytes.TryGetValue(baseline, out var referenceBytes)
                    ? (bytes[name] / (double)referenceBytes).ToString("0.00", CultureInfo.InvariantCulture)
                    : "-";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-20} {Median(micros[name]),8:0.0} {ratio,22} {allocated,8:0} {allocRatio,11}"));
            }

            return 0;
        }
        finally
        {
            floor.Cleanup();
        }
    }

    private static string Quartiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var p25 = sorted[(sorted.Length - 1) / 4];
        var p75 = sorted[(sorted.Length - 1) * 3 / 4];
        return string.Create(CultureInfo.InvariantCulture, $"{Median(sorted):0.00} ({p25:0.00}-{p75:0.00})");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
    }

    private static (TimeSpan Elapsed, long Allocated) Measure(Func<Task> call, int calls, bool threadBytes = false)
    {
        var before = threadBytes ? GC.GetAllocatedBytesForCurrentThread() : GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            var task = call();
            if (threadBytes && !task.IsCompleted)
            {
                throw new InvalidOperationException("An in-memory call went asynchronous: this thread's bytes would miss part of it.");
            }

            task.GetAwaiter().GetResult();
        }

        watch.Stop();
        return (watch.Elapsed, (threadBytes ? GC.GetAllocatedBytesForCurrentThread() : GC.GetTotalAllocatedBytes(precise: true)) - before);
    }

    private static int Fail(string name)
    {
        Console.Error.WriteLine($"No case named '{name}'.");
        return 1;
    }
}
