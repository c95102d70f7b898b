using System;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rivya.Sdk.Benchmarks.Clients;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// The SDK resolved from dependency injection in a new scope per call, as an ASP.NET Core request does, against one
/// long-lived <see cref="RivyaClient"/> (the baseline) on the same loopback server. <c>PerScope</c> is
/// <c>AddRivyaClient</c> as shipped; <c>PerScopeTypedClient</c> is the registration it replaced (a transient typed
/// client on <c>IHttpClientFactory</c>, a new client and pipeline per resolve), kept to show the before figures.
/// <c>LongLivedInScope</c> is the long-lived client inside the same scope and async wrapper, so the difference from
/// <c>PerScope</c> is what resolving the SDK costs, apart from the scope a request creates anyway.
/// </summary>
[Config(typeof(BenchConfig))]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes.")]
[CategoriesColumn]
public class DependencyInjectionBenchmarks
{
    private const string TypedClientName = "Rivya.Sdk.TypedClient";

    private ClientsUnderTest _clients = null!;
    private ServiceProvider _shipped = null!;
    private ServiceProvider _typedClient = null!;

    [Params(Transport.Loopback, Transport.InMemory)]
    public Transport Transport { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _clients = new ClientsUnderTest(inMemory: Transport == Transport.InMemory);
        _shipped = BuildShipped();
        _typedClient = BuildTypedClient();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _shipped.Dispose();
        _typedClient.Dispose();
        _clients.Dispose();
    }

    [Benchmark(Baseline = true, Description = "LongLived")]
    [BenchmarkCategory("Create")]
    public Task<Generation> CreateLongLived() => _clients.Sdk.Generations.CreateAsync(_clients.Request);

    [Benchmark(Description = "LongLivedInScope")]
    [BenchmarkCategory("Create")]
    public async Task<Generation> CreateLongLivedInScope()
    {
        await using var scope = _shipped.CreateAsyncScope();
        return await _clients.Sdk.Generations.CreateAsync(_clients.Request).ConfigureAwait(false);
    }

    [Benchmark(Description = "PerScope")]
    [BenchmarkCategory("Create")]
    public async Task<Generation> CreatePerScope()
    {
        await using var scope = _shipped.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RivyaClient>().Generations.CreateAsync(_clients.Request).ConfigureAwait(false);
    }

    [Benchmark(Description = "PerScopeTypedClient")]
    [BenchmarkCategory("Create")]
    public async Task<Generation> CreatePerScopeTypedClient()
    {
        await using var scope = _typedClient.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RivyaClient>().Generations.CreateAsync(_clients.Request).ConfigureAwait(false);
    }

    [Benchmark(Baseline = true, Description = "LongLived")]
    [BenchmarkCategory("Get")]
    public Task<Generation> GetLongLived() => _clients.Sdk.Generations.GetAsync(ClientsUnderTest.GenerationId);

    [Benchmark(Description = "LongLivedInScope")]
    [BenchmarkCategory("Get")]
    public async Task<Generation> GetLongLivedInScope()
    {
        await using var scope = _shipped.CreateAsyncScope();
        return await _clients.Sdk.Generations.GetAsync(ClientsUnderTest.GenerationId).ConfigureAwait(false);
    }

    [Benchmark(Description = "PerScope")]
    [BenchmarkCategory("Get")]
    public async Task<Generation> GetPerScope()
    {
        await using var scope = _shipped.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RivyaClient>().Generations.GetAsync(ClientsUnderTest.GenerationId).ConfigureAwait(false);
    }

    [Benchmark(Description = "PerScopeTypedClient")]
    [BenchmarkCategory("Get")]
    public async Task<Generation> GetPerScopeTypedClient()
    {
        await using var scope = _typedClient.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RivyaClient>().Generations.GetAsync(ClientsUnderTest.GenerationId).ConfigureAwait(false);
    }

    private ServiceProvider BuildShipped()
    {
        var services = new ServiceCollection();
        services.AddRivyaClient(Configure).ConfigurePrimaryHttpMessageHandler(PrimaryHandler);
        return services.BuildServiceProvider();
    }

    private ServiceProvider BuildTypedClient()
    {
        var services = new ServiceCollection();
        services.AddOptions<RivyaClientOptions>().Configure(Configure);
        services.AddHttpClient(TypedClientName)
            .ConfigureHttpClient(static http => http.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler)
            .AddTypedClient(static (http, provider) => new RivyaClient(http, provider.GetRequiredService<IOptions<RivyaClientOptions>>().Value));
        return services.BuildServiceProvider();
    }

    private void Configure(RivyaClientOptions options)
    {
        options.ApiKey = BenchHttp.ApiKey;
        options.BaseAddress = _clients.Server.BaseAddress;
        options.UserAgent = null;
    }

    // The same handler settings the long-lived client gets (BenchHttp), so only the resolving differs.
    private HttpMessageHandler PrimaryHandler() => Transport == Transport.InMemory
        ? new InMemoryHandler(_clients.Responses)
        : new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };
}
