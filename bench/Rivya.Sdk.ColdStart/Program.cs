using System;
using System.Globalization;
using System.Threading.Tasks;

namespace Rivya.Sdk.ColdStart;

/// <summary>
/// One cold start: <c>Rivya.Sdk.ColdStart (sdk|hand|refit) http://127.0.0.1:port/ [--loads]</c> builds one client,
/// makes its first call (a create) and a first get against the driver's loopback server, and prints one
/// <c>RESULT</c> line: per step, wall milliseconds, methods JIT-compiled (<see cref="System.Runtime.JitInfo"/>) and
/// CPU milliseconds. With <c>--loads</c> it also names every assembly loaded, and the step that loaded it, on stderr.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var start = Step.Take();
        var phase = "start";
        if (Array.IndexOf(args, "--loads") >= 0)
        {
            AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Console.Error.WriteLine($"load {phase} {e.LoadedAssembly.GetName().Name}");
        }

        var baseAddress = new Uri(args[1]);
        phase = "build";
        var client = ProbeClient.Create(args[0], baseAddress);
        var built = Step.Take();
        phase = "create";
        var id = client.CreateAsync().GetAwaiter().GetResult();
        var created = Step.Take();
        phase = "get";
        var status = client.GetAsync(id).GetAwaiter().GetResult();
        var got = Step.Take();
        if (status != "succeeded")
        {
            Console.Error.WriteLine($"unexpected status '{status}'");
            return 1;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"RESULT {args[0]} {built.Since(start)} {created.Since(built)} {got.Since(created)} {got.CpuMs:F2} {got.Jit}"));
        return 0;
    }
}

/// <summary>One moment of the process: a timestamp, the methods JIT-compiled so far, and CPU time used so far.</summary>
/// <remarks>
/// <see cref="Environment.CpuUsage"/> reads the same counter as <c>Process.TotalProcessorTime</c> (user + kernel time
/// of the whole process, every thread), without first loading <c>System.Diagnostics.Process</c>.
/// </remarks>
internal readonly record struct Step(long Ticks, long Jit, double CpuMs)
{
    public static Step Take() => new(
        System.Diagnostics.Stopwatch.GetTimestamp(),
        System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false),
        Environment.CpuUsage.TotalTime.TotalMilliseconds);

    /// <summary>"wall_ms jit cpu_ms" from <paramref name="earlier"/> to this step.</summary>
    public string Since(Step earlier) => string.Create(
        CultureInfo.InvariantCulture,
        $"{System.Diagnostics.Stopwatch.GetElapsedTime(earlier.Ticks, Ticks).TotalMilliseconds:F2} {Jit - earlier.Jit} {CpuMs - earlier.CpuMs:F2}");
}
