using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;

namespace Rivya.Sdk.Tests.Batches;

/// <summary>
/// A <see cref="FakeRivyaServer"/> and a client that share one <see cref="IdleClock"/>: polls every fake second, no
/// jitter, no per-attempt timers, so a batch's whole schedule runs in fake time.
/// </summary>
internal sealed class BatchHarness : IAsyncDisposable
{
    public static readonly WaitOptions Wait = new()
    {
        InitialDelay = TimeSpan.FromSeconds(1),
        PollInterval = TimeSpan.FromSeconds(1),
        PollIntervalMultiplier = 1,
        Jitter = 0,
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    private readonly HttpClient _http;

    public BatchHarness(Action<FakeRivyaServerOptions>? configure = null, Action<RivyaClientOptions>? configureClient = null)
    {
        var options = new FakeRivyaServerOptions { TimeProvider = Clock, PollsUntilSucceeded = 1 };
        configure?.Invoke(options);
        Fake = FakeRivyaServer.Start(options);
        Handler = new RecordingHandler(Clock);
        _http = new HttpClient(Handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var clientOptions = new RivyaClientOptions
        {
            ApiKey = Fake.ApiKey,
            BaseAddress = Fake.BaseAddress,
            TimeProvider = Clock,
            JitterSource = () => 0.5,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            UploadTimeout = System.Threading.Timeout.InfiniteTimeSpan,
            LoggerFactory = Logs,
        };
        configureClient?.Invoke(clientOptions);
        Client = new RivyaClient(_http, clientOptions);
        Start = Clock.GetUtcNow();
    }

    public IdleClock Clock { get; } = new();

    public FakeRivyaServer Fake { get; }

    public RecordingHandler Handler { get; }

    public RivyaClient Client { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public DateTimeOffset Start { get; }

    public TimeSpan Elapsed => Clock.GetUtcNow() - Start;

    public static List<GenerationRequest> Requests(int count) =>
        Enumerable.Range(0, count)
            .Select(i => new GenerationRequest { Prompt = "Product shot " + i, Params = new Kling26Params { Duration = 5 } })
            .ToList();

    /// <summary>Runs <paramref name="consume"/> over the batch while the clock advances through its schedule.</summary>
    public async Task<List<BatchItemResult>> RunAsync(IReadOnlyList<GenerationRequest> requests, BatchOptions options, CancellationTokenSource? cancel = null, int cancelAfter = int.MaxValue)
    {
        var results = new List<BatchItemResult>();
        var token = cancel?.Token ?? CancellationToken.None;
        var consume = Task.Run(async () =>
        {
            await foreach (var item in Client.Generations.CreateAndWaitManyAsync(requests, options, token))
            {
                results.Add(item);
                if (results.Count == cancelAfter)
                {
                    cancel!.Cancel();
                }
            }
        });
        await Clock.RunUntilAsync(consume, () => Handler.InFlight, TimeSpan.FromSeconds(60)).WaitAsync(TimeSpan.FromSeconds(90));
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http.Dispose();
        await Fake.DisposeAsync();
    }
}
