using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Refit;
using Rivya.Sdk.Benchmarks.Clients;
using Rivya.Sdk.Benchmarks.Contracts;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// An upload from disk at three file sizes, by the SDK, by a hand-written client (the baseline) and by Refit. The bars:
/// the SDK's Allocated column is the same for every size (the file streams through one pooled buffer and is never
/// loaded whole), and at most 1.10x the hand-written upload's. The transport drains the multipart body to nowhere (as
/// a socket would send it) and answers at once, so only each client's own work is measured.
/// </summary>
[Config(typeof(BenchConfig))]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes.")]
public class UploadBenchmarks
{
    private RivyaClient _client = null!;
    private HttpClient _handHttp = null!;
    private HandWrittenUpload _hand = null!;
    private HttpClient _refitHttp = null!;
    private IRivyaRefitUploadApi _refit = null!;
    private string _path = null!;

    /// <summary>The file's size in MiB (video kind: up to 50 MB is allowed).</summary>
    [Params(1, 8, 48)]
    public int SizeMiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"rivya-bench-{Guid.NewGuid():N}.mp4");
        using (var file = File.Create(_path))
        {
            // An MP4 signature (size, "ftyp", brand) then zeros: enough for the SDK's magic-byte check.
            file.Write([0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m']);
            file.SetLength(SizeMiB * 1024L * 1024L);
        }

        _client = new RivyaClient(
            new HttpClient(new DrainingHandler()) { Timeout = Timeout.InfiniteTimeSpan },
            new RivyaClientOptions { ApiKey = "rvya_sk_bench", BaseAddress = new Uri("http://127.0.0.1/") });
        _handHttp = BenchHttp.CreateClient(handler: new DrainingHandler());
        _hand = new HandWrittenUpload(_handHttp, new Uri("http://127.0.0.1/"));
        _handHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "rvya_sk_bench");
        _refitHttp = BenchHttp.CreateClient(new Uri("http://127.0.0.1/"), new DrainingHandler());
        _refitHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "rvya_sk_bench");
        _refit = RestService.For<IRivyaRefitUploadApi>(_refitHttp, new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(WireJsonContext.Default.Options))));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _handHttp.Dispose();
        _refitHttp.Dispose();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true, Description = "HandWritten upload from disk")]
    public Task<FileDto> HandWritten() => _hand.UploadAsync(_path, "video", "video/mp4");

    [Benchmark(Description = "Refit upload from disk")]
    public async Task<FileDto> Refit()
    {
        // As Refit's docs show a file part: the caller opens the stream and disposes it after the call.
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await _refit.UploadAsync("video", new StreamPart(file, Path.GetFileName(_path), "video/mp4"));
    }

    [Benchmark(Description = "Sdk upload from disk")]
    public Task<RivyaFile> UploadFromDisk() => _client.Files.UploadAsync(FileUpload.FromPath(_path, MediaKind.Video));

    private sealed class DrainingHandler : HttpMessageHandler
    {
        private static readonly byte[] FileJson = Encoding.UTF8.GetBytes(
            """{"id":"file_1","url":"https://cdn.example/f.mp4","kind":"video","mime_type":"video/mp4","name":"f.mp4"}""");

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
            var content = new ByteArrayContent(FileJson);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = content, RequestMessage = request };
        }
    }
}
