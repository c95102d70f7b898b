using System.Diagnostics.CodeAnalysis;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Rivya.Sdk.Benchmarks.Contracts;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// Create and get, one call at a time, for the hand-written baseline, Refit and the SDK against the same loopback
/// server, and again on an in-memory handler (the clients' own cost). Ratios are to the hand-written client within
/// each category and transport.
/// </summary>
[Config(typeof(BenchConfig))]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes.")]
[CategoriesColumn]
public class GenerationBenchmarks
{
    private ClientsUnderTest _clients = null!;

    [Params(Transport.Loopback, Transport.InMemory)]
    public Transport Transport { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _clients = new ClientsUnderTest(inMemory: Transport == Transport.InMemory);
        WireCheck.Verify(_clients, checkWire: Transport == Transport.Loopback);
    }

    [GlobalCleanup]
    public void Cleanup() => _clients.Dispose();

    [Benchmark(Baseline = true, Description = "HandWritten")]
    [BenchmarkCategory("Create")]
    public Task<GenerationDto> CreateHandWritten() => _clients.HandWritten.CreateAsync(_clients.Body);

    [Benchmark(Description = "Refit")]
    [BenchmarkCategory("Create")]
    public Task<GenerationDto> CreateRefit() => _clients.Refit.CreateAsync(_clients.Body, System.Guid.NewGuid().ToString());

    [Benchmark(Description = "Sdk")]
    [BenchmarkCategory("Create")]
    public Task<Generation> CreateSdk() => _clients.Sdk.Generations.CreateAsync(_clients.Request);

    [Benchmark(Description = "SdkDefault")]
    [BenchmarkCategory("Create")]
    public Task<Generation> CreateSdkDefault() => _clients.SdkDefault.Generations.CreateAsync(_clients.Request);

    [Benchmark(Description = "SdkDi")]
    [BenchmarkCategory("Create")]
    public Task<Generation> CreateSdkDi() => _clients.SdkDi.Generations.CreateAsync(_clients.Request);

    [Benchmark(Baseline = true, Description = "HandWritten")]
    [BenchmarkCategory("Get")]
    public Task<GenerationDto> GetHandWritten() => _clients.HandWritten.GetAsync(ClientsUnderTest.GenerationId);

    [Benchmark(Description = "Refit")]
    [BenchmarkCategory("Get")]
    public Task<GenerationDto> GetRefit() => _clients.Refit.GetAsync(ClientsUnderTest.GenerationId);

    [Benchmark(Description = "Sdk")]
    [BenchmarkCategory("Get")]
    public Task<Generation> GetSdk() => _clients.Sdk.Generations.GetAsync(ClientsUnderTest.GenerationId);

    [Benchmark(Description = "SdkDefault")]
    [BenchmarkCategory("Get")]
    public Task<Generation> GetSdkDefault() => _clients.SdkDefault.Generations.GetAsync(ClientsUnderTest.GenerationId);

    [Benchmark(Description = "SdkDi")]
    [BenchmarkCategory("Get")]
    public Task<Generation> GetSdkDi() => _clients.SdkDi.Generations.GetAsync(ClientsUnderTest.GenerationId);
}
