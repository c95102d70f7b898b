using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Rivya.Sdk.Benchmarks.Server;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// A result download to a file from a loopback result host, 1 MiB and 256 MiB: the SDK's
/// <c>Generations.DownloadAsync(generation, path)</c> beside the plain loop a user would write (<c>HttpClient.GetAsync</c>
/// with <c>ResponseHeadersRead</c>, then <c>CopyToAsync</c> into a <c>FileStream</c>). Both clients are on the same
/// kind of <see cref="HttpClient"/> and write to the same temporary directory. The baseline keeps FileStream's default
/// 4 KiB buffer, as most callers write it; a third case opens the file unbuffered, as the SDK does, and a fourth also
/// reserves its space from <c>Content-Length</c>, as the SDK does on net8.0+. The bar: the SDK's Allocated is the same
/// for both sizes (it streams through one pooled buffer) and at most 1.25x the plain loop's; its time at most 1.05x.
/// </summary>
[Config(typeof(BenchConfig))]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes.")]
public class DownloadBenchmarks
{
    private static readonly DownloadOptions Overwrite = new() { Overwrite = true };

    private MediaServer _server = null!;
    private HttpClient _plain = null!;
    private RivyaClient _sdk = null!;
    private Generation _generation = null!;
    private Uri _url = null!;
    private string _directory = null!;

    /// <summary>The result's size in MiB.</summary>
    [Params(1, 256)]
    public int SizeMiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = MediaServer.Start();
        _url = _server.UrlFor(SizeMiB * 1024L * 1024L);
        _directory = Path.Combine(Path.GetTempPath(), $"rivya-bench-dl-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        _plain = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        // The API on plain-http loopback (never called here), as with the fake server: the one setting in which a
        // plain-http loopback result host is allowed (Http/TargetPolicy). Users download over https.
        _sdk = new RivyaClient(new RivyaClientOptions { ApiKey = "rvya_sk_bench", BaseAddress = new Uri("http://127.0.0.1:9/") });
        _generation = new Generation
        {
            Id = "task_bench",
            Status = GenerationStatus.Succeeded,
            Result = new GenerationResult { PrimaryUrl = _url.AbsoluteUri, Urls = [_url.AbsoluteUri] },
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _plain.Dispose();
        _server.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "HttpClient + CopyToAsync")]
    public async Task<long> Plain()
    {
        using var response = await _plain.GetAsync(_url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var file = new FileStream(Path.Combine(_directory, "plain.mp4"), FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await body.CopyToAsync(file);
        return file.Length;
    }

    /// <summary>
    /// The plain loop tuned as the SDK is (a <c>FileStream</c> without its own 4 KiB buffer): not the bar's baseline,
    /// shown so the SDK's own overhead is visible apart from that one setting.
    /// </summary>
    [Benchmark(Description = "HttpClient + CopyToAsync, unbuffered file")]
    public async Task<long> PlainUnbuffered()
    {
        using var response = await _plain.GetAsync(_url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var file = new FileStream(Path.Combine(_directory, "plain0.mp4"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        await body.CopyToAsync(file);
        return file.Length;
    }

    /// <summary>
    /// The unbuffered loop with the file's space reserved from <c>Content-Length</c> (<c>PreallocationSize</c>), as the
    /// SDK opens its temporary file on net8.0+: again not the baseline; it shows what that setting alone is worth.
    /// </summary>
    [Benchmark(Description = "HttpClient + CopyToAsync, unbuffered file, space reserved")]
    public async Task<long> PlainReserved()
    {
        using var response = await _plain.GetAsync(_url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var file = new FileStream(Path.Combine(_directory, "plain1.mp4"), new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            BufferSize = 0,
            Options = FileOptions.Asynchronous,
            PreallocationSize = response.Content.Headers.ContentLength ?? 0,
        });
        await body.CopyToAsync(file);
        return file.Length;
    }

    [Benchmark(Description = "Sdk DownloadAsync")]
    public async Task<long> Sdk() =>
        (await _sdk.Generations.DownloadAsync(_generation, Path.Combine(_directory, "sdk.mp4"), Overwrite)).Length;
}
