using System;
using System.Globalization;
using System.IO;
using Rivya.Sdk.Benchmarks.Server;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// <c>-- dlalloc [MiB] [downloads]</c> (defaults 256 and 20): the SDK's download to a file from the loopback result
/// host, as in <see cref="DownloadBenchmarks"/>, with <see cref="AllocationSampler"/> naming the types that take the
/// bytes: for finding what grows with the size when Allocated is not flat.
/// </summary>
public static class DownloadAllocations
{
    public static int Run(string[] args)
    {
        var mib = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 256;
        var downloads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        using var server = MediaServer.Start();
        var url = server.UrlFor(mib * 1024L * 1024L);
        var directory = Path.Combine(Path.GetTempPath(), $"rivya-dlalloc-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            // The API on plain-http loopback (never called): the one setting that allows a plain-http loopback result host.
            using var sdk = new RivyaClient(new RivyaClientOptions { ApiKey = "rvya_sk_bench", BaseAddress = new Uri("http://127.0.0.1:9/") });
            var generation = new Generation
            {
                Id = "task_bench",
                Status = GenerationStatus.Succeeded,
                Result = new GenerationResult { PrimaryUrl = url.AbsoluteUri, Urls = [url.AbsoluteUri] },
            };
            var path = Path.Combine(directory, "sdk.mp4");
            var options = new DownloadOptions { Overwrite = true };
            return AllocationSampler.Run($"Download {mib} MiB", downloads, () => sdk.Generations.DownloadAsync(generation, path, options));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
