using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Rivya.Sdk.Serialization;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// The catalogue-driven part of every create, without HTTP: validating a fully set request against its catalogue
/// entry, and writing its JSON through the records' visitor. Run: <c>-- --filter '*CatalogPath*'</c>.
/// </summary>
[Config(typeof(BenchConfig))]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes.")]
public class CatalogPathBenchmarks
{
    private readonly MemoryStream _buffer = new();
    private Utf8JsonWriter _writer = null!;
    private GenerationRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _request = new GenerationRequest
        {
            Prompt = "A cinematic product reveal with smooth camera movement",
            Params = new Kling30Params
            {
                Mode = Kling30Mode.Pro,
                MultiShots = false,
                Duration = 8,
                Sound = true,
                AspectRatio = AspectRatio.Portrait,
                ReferenceMediaItems = [ReferenceMediaItem.Image("https://cdn.example.com/a.png", "image/png")],
            },
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        _buffer.Dispose();
    }

    [Benchmark(Description = "Validate")]
    public int Validate() => _request.Validate().Count;

    [Benchmark(Description = "Write JSON")]
    public long WriteJson()
    {
        _buffer.SetLength(0);
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, _request, RivyaJsonContext.Default.GenerationRequest);
        return _writer.BytesCommitted;
    }
}
