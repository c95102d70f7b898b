using System;
using BenchmarkDotNet.Running;

namespace Rivya.Sdk.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>dotnet run -c Release --project bench/Rivya.Sdk.Benchmarks -- --filter '*'</c> runs everything;
    /// <c>-- quick</c> runs a rough, BenchmarkDotNet-free pass (see <see cref="QuickRun"/>), and
    /// <c>-- inmemory</c> the same without sockets (the clients' own CPU time and exact allocations), and
    /// <c>-- alloc "Get Sdk"</c> estimates where one case's bytes go (see <see cref="AllocationSampler"/>), and
    /// <c>-- dlalloc [MiB] [downloads]</c> does the same for the SDK's result download (see <see cref="DownloadAllocations"/>).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args is ["scale", ..])
        {
            return Scale.ScaleRun.Run(args[1..]);
        }

        if (args is ["scale-server"])
        {
            return Scale.ScaleServer.Run();
        }

        if (args is ["coldstart", ..])
        {
            return ColdStartRun.Run(args[1..]);
        }

        if (args is ["quick", ..])
        {
            return QuickRun.Run(args[1..]);
        }

        if (args is ["inmemory", ..])
        {
            return QuickRun.RunInMemory(args[1..]);
        }

        if (args is ["spin", var spun, ..])
        {
            return QuickRun.Spin(spun, args[2..]);
        }

        if (args is ["dlalloc", ..])
        {
            return DownloadAllocations.Run(args[1..]);
        }

        if (args is ["upalloc", var client, ..])
        {
            return UploadAllocations(client, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2000);
        }

        if (args is ["alloc", var name, ..])
        {
            return QuickRun.Run(args[2..], only: name);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    /// <summary><c>-- upalloc (HandWritten|Refit|Sdk) [calls]</c>: which types one 1 MiB upload allocates (see <see cref="AllocationSampler"/>).</summary>
    private static int UploadAllocations(string client, int calls)
    {
        var uploads = new UploadBenchmarks { SizeMiB = 1 };
        uploads.Setup();
        try
        {
            Func<System.Threading.Tasks.Task> call = client switch
            {
                "HandWritten" => uploads.HandWritten,
                "Refit" => uploads.Refit,
                _ => uploads.UploadFromDisk,
            };
            return AllocationSampler.Run("Upload " + client, calls, call);
        }
        finally
        {
            uploads.Cleanup();
        }
    }
}
