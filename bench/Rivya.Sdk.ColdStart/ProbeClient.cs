using System;
using System.Threading.Tasks;
using Rivya.Sdk.Benchmarks.Clients;
using Rivya.Sdk.Benchmarks.Contracts;

namespace Rivya.Sdk.ColdStart;

/// <summary>The three clients of the comparison behind one shape, each built as its users build it.</summary>
internal abstract class ProbeClient
{
    public static ProbeClient Create(string kind, Uri baseAddress) => kind switch
    {
        "sdk" => new SdkProbe(baseAddress),
        "hand" => new HandProbe(baseAddress),
        "refit" => new RefitProbe(baseAddress),
        _ => throw new ArgumentException($"unknown client '{kind}': sdk, hand or refit", nameof(kind)),
    };

    /// <summary>Creates the documented minimal kling-3-0 generation; answers its id.</summary>
    public abstract Task<string> CreateAsync();

    /// <summary>Reads a generation; answers its status.</summary>
    public abstract Task<string> GetAsync(string id);

    private static CreateGenerationBody Body() => new()
    {
        Model = "kling-3-0",
        Prompt = "A cinematic product reveal with smooth camera movement",
        Params = new Kling30Body { Mode = "pro", MultiShots = "false", Duration = "5", Sound = "false", AspectRatio = "16:9" },
    };

    /// <summary><c>new RivyaClient(options)</c>, defaults otherwise: the SDK on its own HttpClient and handler.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as the probe process.")]
    private sealed class SdkProbe(Uri baseAddress) : ProbeClient
    {
        private readonly RivyaClient _client = new(new RivyaClientOptions { ApiKey = BenchHttp.ApiKey, BaseAddress = baseAddress });

        public override async Task<string> CreateAsync()
        {
            var generation = await _client.Generations.CreateAsync(new GenerationRequest
            {
                Prompt = "A cinematic product reveal with smooth camera movement",
                Params = new Kling30Params { Mode = Kling30Mode.Pro, MultiShots = false, Duration = 5, Sound = false, AspectRatio = AspectRatio.Landscape },
            });
            return generation.Id;
        }

        public override async Task<string> GetAsync(string id) => (await _client.Generations.GetAsync(id)).Status.ToString();
    }

    private sealed class HandProbe(Uri baseAddress) : ProbeClient
    {
        private readonly HandWrittenClient _client = new(BenchHttp.CreateClient(), baseAddress, BenchHttp.ApiKey);

        public override async Task<string> CreateAsync() => (await _client.CreateAsync(Body())).Id;

        public override async Task<string> GetAsync(string id) => (await _client.GetAsync(id)).Status ?? string.Empty;
    }

    private sealed class RefitProbe(Uri baseAddress) : ProbeClient
    {
        private readonly IRivyaRefitApi _client = RefitClientFactory.Create(BenchHttp.CreateClient(baseAddress), BenchHttp.ApiKey);

        public override async Task<string> CreateAsync() => (await _client.CreateAsync(Body(), Guid.NewGuid().ToString())).Id;

        public override async Task<string> GetAsync(string id) => (await _client.GetAsync(id)).Status ?? string.Empty;
    }
}
