using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace Rivya.Sdk.Tests.Support;

/// <summary>
/// A test against a real loopback WireMock server, with a fake clock and a capturing logger. Clients made here retry
/// with the jitter pinned at 0.5, so backoffs are exactly 1 s, 2 s, 4 s...
/// </summary>
public abstract class WireMockTest : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    protected WireMockServer Server { get; } = WireMockServer.Start();

    protected TestClock Clock { get; } = new();

    protected CapturingLoggerProvider Logs { get; } = new();

    /// <summary>The SDK's default per-attempt timeout: every attempt arms one of these before any backoff timer.</summary>
    protected static TimeSpan AttemptTimeout { get; } = TimeSpan.FromSeconds(100);

    /// <summary>Waits for the next backoff timer, advances the clock past it, and returns its due time.</summary>
    protected async Task<TimeSpan> AdvancePastNextBackoffAsync()
    {
        var wait = await Clock.NextSleepAsync();
        Clock.Advance(wait);
        return wait;
    }

    protected Uri BaseAddress => new(Server.Url!);

    /// <summary>The requests the server has answered (WireMock logs a request before writing its answer).</summary>
    protected IReadOnlyList<IRequestMessage> Received => Server.LogEntries.Select(e => e.RequestMessage!).ToList();

    protected static IRequestBuilder CreatePath => Request.Create().WithPath("/api/v1/generations").UsingPost();

    protected static IRequestBuilder GetPath(string id = "task_1") => Request.Create().WithPath("/api/v1/generations/" + id).UsingGet();

    protected static IRequestBuilder CreditsPath => Request.Create().WithPath("/api/v1/credits").UsingGet();

    protected static IRequestBuilder ModelsPath => Request.Create().WithPath("/api/v1/models").UsingGet();

    protected RivyaClientOptions Options(Action<RivyaClientOptions>? configure = null)
    {
        var options = new RivyaClientOptions
        {
            ApiKey = TestKeys.ApiKey,
            BaseAddress = BaseAddress,
            TimeProvider = Clock,
            LoggerFactory = Logs,
            JitterSource = () => 0.5,
        };
        configure?.Invoke(options);
        return options;
    }

    protected RivyaClient Client(Action<RivyaClientOptions>? configure = null) => Own(new RivyaClient(Options(configure)));

    protected ResponseScript Script(IRequestBuilder request, params ScriptStep[] steps) => Own(ResponseScript.On(Server, request, steps));

    protected T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        // Scripts first: a hanging answer is released before the server stops.
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        Server.Stop();
        Server.Dispose();
        Logs.Dispose();
        GC.SuppressFinalize(this);
    }
}
