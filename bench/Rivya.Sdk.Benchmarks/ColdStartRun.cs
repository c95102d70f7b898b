using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Rivya.Sdk.Benchmarks.Server;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// <c>-- coldstart [rounds] [jitDir] [aotDir]</c>: the first call in a fresh process. Serves the loopback server here
/// and, each round, starts one probe process per client (bench/Rivya.Sdk.ColdStart) in a shuffled order, so a slow
/// patch of background load hits every client alike. Prints each client's medians over the rounds, and the median of
/// the per-round ratios to the hand-written client of the same round. <c>bench/coldstart.sh</c> builds both probes.
/// </summary>
public static class ColdStartRun
{
    private static readonly string[] Kinds = ["hand", "sdk", "refit"];

    public static int Run(string[] args)
    {
        if (args is ["trace", var kind, ..])
        {
            return Trace(kind, args.Length > 2 ? args[2] : "bench/Rivya.Sdk.ColdStart/bin/Release/net10.0/Rivya.Sdk.ColdStart.dll");
        }

        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        var jit = args.Length > 1 ? args[1] : "bench/Rivya.Sdk.ColdStart/bin/Release/net10.0/Rivya.Sdk.ColdStart.dll";
        var aot = args.Length > 2 ? args[2] : null;
        using var server = LoopbackServer.Start(ServerResponses.FromFixtures());

        var cases = Kinds.Select(k => (Name: k, File: "dotnet", Args: $"{jit} {k} {server.BaseAddress}")).ToList();
        if (aot is not null)
        {
            cases.AddRange(Kinds.Select(k => (Name: k + "-aot", File: aot, Args: $"{k} {server.BaseAddress}")));
        }

        var results = cases.ToDictionary(c => c.Name, _ => new List<double[]>());
        var order = cases.ToArray();
        for (var round = 0; round < rounds; round++)
        {
            Random.Shared.Shuffle(order);
            foreach (var (name, file, arguments) in order)
            {
                results[name].Add(RunOnce(file, arguments));
            }
        }

        Print(results, rounds);
        return 0;
    }

    /// <summary>
    /// <c>-- coldstart trace KIND</c>: one probe run that names each assembly it loads and the step that loaded it,
    /// and writes the methods the JIT compiled, in order, to /tmp/coldstart-KIND.jit.txt (<c>DOTNET_JitStdOutFile</c>).
    /// </summary>
    private static int Trace(string kind, string probe)
    {
        using var server = LoopbackServer.Start(ServerResponses.FromFixtures());
        var info = new ProcessStartInfo("dotnet", $"{probe} {kind} {server.BaseAddress} --loads") { UseShellExecute = false };
        info.Environment["DOTNET_JitDisasmSummary"] = "1";
        info.Environment["DOTNET_JitStdOutFile"] = $"/tmp/coldstart-{kind}.jit.txt";
        File.Delete($"/tmp/coldstart-{kind}.jit.txt"); // the runtime appends
        using var process = Process.Start(info)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    // Columns of a RESULT line after the kind: build (ms, jit, cpu), create (ms, jit, cpu), get (ms, jit, cpu), process cpu, jit total.
    private static readonly string[] Columns =
        ["process ms", "build ms", "build jit", "build cpu", "create ms", "create jit", "create cpu", "get ms", "get jit", "get cpu", "proc cpu", "jit total", "build+create ms", "build+create cpu"];

    private static double[] RunOnce(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var wall = watch.Elapsed.TotalMilliseconds;
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{file} {arguments} printed no RESULT (exit {process.ExitCode}): {output} {error}");
        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
        return [wall, .. values, values[0] + values[3], values[2] + values[5]];
    }

    private static void Print(Dictionary<string, List<double[]>> results, int rounds)
    {
        Console.WriteLine($"{rounds} rounds, medians (ms; jit = methods compiled; cpu = ms of CPU, all threads)");
        Console.WriteLine("client".PadRight(10) + string.Concat(Columns.Select(c => c.PadLeft(17))));
        foreach (var (name, rows) in results)
        {
            Console.WriteLine(name.PadRight(10) + string.Concat(Enumerable.Range(0, Columns.Length).Select(i => Format(Median(rows.Select(r => r[i]))).PadLeft(17))));
        }

        Console.WriteLine("median of per-round ratios to the same round's hand-written client (p25-p75):");
        foreach (var (name, rows) in results)
        {
            var baseline = results[name.EndsWith("-aot", StringComparison.Ordinal) ? "hand-aot" : "hand"];
            string Ratio(int column)
            {
                var ratios = rows.Select((r, i) => r[column] / baseline[i][column]).Order().ToArray();
                return string.Create(CultureInfo.InvariantCulture, $"{Quantile(ratios, 0.5):0.00} ({Quantile(ratios, 0.25):0.00}-{Quantile(ratios, 0.75):0.00})");
            }

            Console.WriteLine($"  {name,-10} process {Ratio(0)}   build+create {Ratio(12)}   build+create cpu {Ratio(13)}   process cpu {Ratio(10)}");
        }
    }

    private static double Median(IEnumerable<double> values) => Quantile(values.Order().ToArray(), 0.5);

    private static double Quantile(double[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    private static string Format(double value) => value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
}
