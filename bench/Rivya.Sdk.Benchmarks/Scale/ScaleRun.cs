using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Benchmarks.Clients;

namespace Rivya.Sdk.Benchmarks.Scale;

/// <summary>
/// <c>-- scale [N...]</c>: N concurrent waits (default 1,000 and 10,000) on one client against <see cref="ScaleServer"/>
/// in another process, each wait <see cref="ScaleServer.PollsPerWait"/> polls 200 ms apart, for the SDK's
/// <c>WaitForCompletionAsync</c> on its own handler and for a hand-written polling loop on an <see cref="HttpClient"/>
/// with the same connection cap. Prints, per run: failures, connections the server accepted, bytes allocated and CPU
/// per poll, memory held per wait mid-run, wall time. Bounded: N at most 20,000, each run at most 5 minutes.
/// </summary>
public static class ScaleRun
{
    private const int Cap = 256;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    public static int Run(string[] args)
    {
        var counts = args.Length > 0 ? args.Select(a => Math.Min(20_000, int.Parse(a, CultureInfo.InvariantCulture))).ToArray() : [1_000, 10_000];
        Console.WriteLine($"{"client",-12} {"waits",7} {"failed",6} {"conns",6} {"B/poll",8} {"µs CPU/poll",11} {"KB held/wait",12} {"wall s",7}");
        var ok = true;
        var heldPerWait = new List<double>();
        foreach (var n in counts)
        {
            var loop = RunOne(n, sdk: false);
            var sdk = RunOne(n, sdk: true);
            var ratio = sdk.BytesPerPoll / loop.BytesPerPoll;
            heldPerWait.Add(sdk.KbHeldPerWait);
            Console.WriteLine(FormattableString.Invariant($"  N={n}: Sdk/HandLoop bytes per poll {ratio:0.00} (bar <= 1.25); connections {sdk.Connections} (cap {Cap})"));
            ok &= loop.Ok && sdk.Ok && ratio <= 1.25;
        }

        // Flat in N: the memory held per wait at the largest N is not above the smallest N's (plus 25% for noise).
        var flat = heldPerWait[^1] <= heldPerWait[0] * 1.25;
        Console.WriteLine(FormattableString.Invariant($"  Sdk KB held per wait from N={counts[0]} to N={counts[^1]}: {heldPerWait[0]:0.00} -> {heldPerWait[^1]:0.00} ({(flat ? "flat" : "GROWS")})"));
        ok &= flat;
        Console.WriteLine(ok ? "PASS" : "FAIL");
        return ok ? 0 : 1;
    }

    private sealed record Result(bool Ok, int Connections, double BytesPerPoll, double KbHeldPerWait);

    private static Result RunOne(int n, bool sdk)
    {
        using var server = StartServer(out var baseAddress);
        try
        {
            using var statsClient = new HttpClient();
            Func<string, Task> wait;
            IDisposable owner;
            if (sdk)
            {
                var client = new RivyaClient(new RivyaClientOptions { ApiKey = BenchHttp.ApiKey, BaseAddress = baseAddress, MaxConnectionsPerServer = Cap });
                var options = new WaitOptions { InitialDelay = Interval, PollInterval = Interval, PollIntervalMultiplier = 1, Jitter = 0.1, Timeout = RunLimit };
                wait = id => client.Generations.WaitForCompletionAsync(id, options);
                owner = client;
            }
            else
            {
                var http = BenchHttp.CreateClient(baseAddress, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = Cap, UseProxy = false });
                var client = new HandWrittenClient(http, baseAddress, BenchHttp.ApiKey);
                wait = id => LoopAsync(client, id);
                owner = http;
            }

            using (owner)
            {
                // Warm-up: JIT and a few connections, outside the measurement.
                Task.WaitAll(Enumerable.Range(0, 16).Select(i => wait("warm_" + i)).ToArray());
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var heldBefore = GC.GetTotalMemory(forceFullCollection: true);
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();

                var waits = Enumerable.Range(0, n).Select(i => wait("task_" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
                Thread.Sleep(Interval + (Interval / 2)); // every wait started and between polls
                var heldDuring = GC.GetTotalMemory(forceFullCollection: true);
                var all = Task.WhenAll(waits);
                var finished = all.Wait(RunLimit);
                var wall = clock.Elapsed;
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                var failed = waits.Count(t => !t.IsCompletedSuccessfully);
                var polls = (double)n * ScaleServer.PollsPerWait;
                // The stats request itself opens one more connection: not the client's.
                var connections = -1 + statsClient.GetFromJsonAsync<JsonElement>(new Uri(baseAddress, "stats")).GetAwaiter().GetResult().GetProperty("connections").GetInt32();
                Console.WriteLine(FormattableString.Invariant(
                    $"{(sdk ? "Sdk" : "HandLoop"),-12} {n,7} {failed,6} {connections,6} {allocated / polls,8:0} {cpu.TotalMicroseconds / polls,11:0.0} {(heldDuring - heldBefore) / 1024.0 / n,12:0.00} {wall.TotalSeconds,7:0.0}"));
                return new Result(finished && failed == 0 && connections <= Cap, connections, allocated / polls, (heldDuring - heldBefore) / 1024.0 / n);
            }
        }
        finally
        {
            server.Kill();
        }
    }

    private static async Task LoopAsync(HandWrittenClient client, string id)
    {
        await Task.Delay(Interval);
        while (true)
        {
            var generation = await client.GetAsync(id);
            if (generation.Status is "succeeded" or "failed")
            {
                return;
            }

            await Task.Delay(Interval);
        }
    }

    private static Process StartServer(out Uri baseAddress)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (!Environment.ProcessPath!.EndsWith("Rivya.Sdk.Benchmarks", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(ScaleRun).Assembly.Location);
        }

        start.ArgumentList.Add("scale-server");
        var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The scale server did not start.");
        baseAddress = new Uri("http://127.0.0.1:" + line["READY ".Length..] + "/");
        return process;
    }
}
