using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Rivya.Sdk.Benchmarks.Clients;
using Rivya.Sdk.Benchmarks.Contracts;
using Rivya.Sdk.Benchmarks.Server;
using Rivya.Sdk.Configuration;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// The loopback server and the three clients under test, each on its own <see cref="HttpClient"/> built by
/// <see cref="BenchHttp.CreateClient"/>, with the same request to send.
/// </summary>
public sealed class ClientsUnderTest : IDisposable
{
    public const string GenerationId = "task_public_id";

    private readonly HttpClient _handWrittenHttp;
    private readonly HttpClient _refitHttp;
    private readonly HttpClient _sdkHttp;
    private readonly ServiceProvider? _services;
    private readonly IServiceScope? _scope;

    /// <param name="inMemory">Diagnostics only: every client on an <see cref="InMemoryHandler"/> instead of the loopback server.</param>
    public ClientsUnderTest(bool inMemory = false)
    {
        Responses = ServerResponses.FromFixtures();
        Server = LoopbackServer.Start(Responses);

        _handWrittenHttp = BenchHttp.CreateClient(null, inMemory ? new InMemoryHandler(Responses) : null);
        HandWritten = new HandWrittenClient(_handWrittenHttp, Server.BaseAddress, BenchHttp.ApiKey);

        _refitHttp = BenchHttp.CreateClient(Server.BaseAddress, inMemory ? new InMemoryHandler(Responses) : null);
        Refit = RefitClientFactory.Create(_refitHttp, BenchHttp.ApiKey);

        _sdkHttp = BenchHttp.CreateClient(null, inMemory ? new InMemoryHandler(Responses) : null);
        Sdk = new RivyaClient(_sdkHttp, new RivyaClientOptions
        {
            ApiKey = BenchHttp.ApiKey,
            BaseAddress = Server.BaseAddress,
            UserAgent = null,
        });

        // As users get it: the SDK's own HttpClient and handler (decompression on, connection cap, no redirects).
        // The in-memory transport cannot reach inside it, so there it is the same client as Sdk.
        SdkDefault = inMemory
            ? Sdk
            : new RivyaClient(new RivyaClientOptions { ApiKey = BenchHttp.ApiKey, BaseAddress = Server.BaseAddress, UserAgent = null });

        // As an app gets it: AddRivyaClient as shipped (its own primary handler), resolved once in a scope that lives
        // as long as the clients (the cost of a scope per request is DependencyInjectionBenchmarks' subject).
        if (inMemory)
        {
            SdkDi = Sdk;
        }
        else
        {
            var services = new ServiceCollection();
            services.AddRivyaClient(options =>
            {
                options.ApiKey = BenchHttp.ApiKey;
                options.BaseAddress = Server.BaseAddress;
                options.UserAgent = null;
            });
            _services = services.BuildServiceProvider();
            _scope = _services.CreateScope();
            SdkDi = _scope.ServiceProvider.GetRequiredService<RivyaClient>();
        }
    }

    public ServerResponses Responses { get; }

    public LoopbackServer Server { get; }

    public HandWrittenClient HandWritten { get; }

    public IRivyaRefitApi Refit { get; }

    public RivyaClient Sdk { get; }

    /// <summary><c>new RivyaClient(options)</c>: the SDK on its own <see cref="HttpClient"/>, as a user constructs it.</summary>
    public RivyaClient SdkDefault { get; }

    /// <summary>The client <c>AddRivyaClient</c> registers, resolved from the container.</summary>
    public RivyaClient SdkDi { get; }

    /// <summary>The documented minimal kling-3-0 request (Fixtures/requests/kling-3-0.minimal.json), as the baseline's DTO.</summary>
    public CreateGenerationBody Body { get; } = new()
    {
        Model = "kling-3-0",
        Prompt = "A cinematic product reveal with smooth camera movement",
        Params = new Kling30Body { Mode = "pro", MultiShots = "false", Duration = "5", Sound = "false", AspectRatio = "16:9" },
    };

    /// <summary>The same request, typed for the SDK.</summary>
    public GenerationRequest Request { get; } = new()
    {
        Prompt = "A cinematic product reveal with smooth camera movement",
        Params = new Kling30Params
        {
            Mode = Kling30Mode.Pro,
            MultiShots = false,
            Duration = 5,
            Sound = false,
            AspectRatio = AspectRatio.Landscape,
        },
    };

    public void Dispose()
    {
        if (!ReferenceEquals(SdkDefault, Sdk))
        {
            SdkDefault.Dispose();
        }

        _scope?.Dispose();
        _services?.Dispose();
        Sdk.Dispose();
        _sdkHttp.Dispose();
        _refitHttp.Dispose();
        _handWrittenHttp.Dispose();
        Server.Dispose();
    }
}
