using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Testing.Credits;
using Rivya.Sdk.Testing.Faults;
using Rivya.Sdk.Testing.Files;
using Rivya.Sdk.Testing.Generations;
using Rivya.Sdk.Testing.Http;
using Rivya.Sdk.Testing.Logging;
using Rivya.Sdk.Testing.Media;
using Rivya.Sdk.Testing.RateLimits;
using Rivya.Sdk.Testing.Server;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Rivya.Sdk.Testing;

/// <summary>
/// A faithful, in-process Rivya Public API v1 on a loopback port, for testing code that uses Rivya.Sdk without a key
/// or a network. It validates requests with the SDK's own <see cref="ModelCatalog"/>, runs the task lifecycle
/// (queued, processing, succeeded) over a configurable number of polls, accepts uploads checked by magic bytes,
/// keeps a credit balance, honours <c>Idempotency-Key</c>, answers Rivya's error codes, and fails or faults on demand.
/// </summary>
/// <example>
/// <code>
/// await using var fake = FakeRivyaServer.Start();
/// var client = new RivyaClient(new RivyaClientOptions { ApiKey = fake.ApiKey, BaseAddress = fake.BaseAddress });
/// </code>
/// </example>
/// <remarks>
/// Every member is thread-safe. What Rivya does not document, the fake assumes: a create answers 201, an upload
/// answers 201, <c>insufficient_credits</c> is HTTP 402, a replayed <c>Idempotency-Key</c> answers the task as it
/// is now, a failed task is not charged (its reservation is refunded, <c>final_credits</c> 0).
/// </remarks>
public sealed class FakeRivyaServer : IDisposable, IAsyncDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WireMockServer _server;
    private readonly CancellationTokenSource _stopping;
    private readonly RequestLog _log;
    private readonly FaultQueue _faults;
    private readonly RandomFaults _randomFaults;
    private readonly CreditLedger _ledger;
    private readonly GenerationStore _generations;
    private readonly FileStore _files;
    private readonly FakeRivyaApi _api;
    private readonly MediaHost _media;
    private int _disposed;

    private FakeRivyaServer(
        WireMockServer server,
        Uri baseAddress,
        string apiKey,
        CancellationTokenSource stopping,
        RequestLog log,
        FaultQueue faults,
        RandomFaults randomFaults,
        CreditLedger ledger,
        GenerationStore generations,
        FileStore files,
        FakeRivyaApi api,
        MediaHost media)
    {
        _server = server;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
        _stopping = stopping;
        _log = log;
        _faults = faults;
        _randomFaults = randomFaults;
        _ledger = ledger;
        _generations = generations;
        _files = files;
        _api = api;
        _media = media;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:54321/</c>; give it to <c>RivyaClientOptions.BaseAddress</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The one API key the server accepts (a fake key: <see cref="FakeRivyaServerOptions.ApiKey"/>).</summary>
    public string ApiKey { get; }

    /// <summary>The account's current credit balance (what <c>GET /api/v1/credits</c> answers).</summary>
    public decimal Balance => _ledger.Balance;

    /// <summary>How many generation tasks the server has accepted (a replayed idempotent create makes none).</summary>
    public int GenerationCount => _generations.Count;

    /// <summary>Tasks created and not yet seen to end by a poll.</summary>
    public int ActiveGenerations => _generations.Active;

    /// <summary>
    /// The most tasks that were ever active at once (created, not yet seen to end by a poll): what a client's
    /// concurrency limit bounds.
    /// </summary>
    public int ActiveGenerationsHighWaterMark => _generations.ActiveHighWaterMark;

    /// <summary>How many creates <see cref="FakeRivyaServerOptions.CreateRateLimit"/> refused with 429.</summary>
    public int RateLimitedCreates => _api.RateLimiter?.Refused ?? 0;

    /// <summary>
    /// The JSON <c>GET /api/v1/models</c> answers. By default the SDK's own <see cref="ModelCatalog"/> in the
    /// documented shape; set it to a catalogue of your own (a changed price or limit, a retired or a new model) to
    /// test drift checks, or to null to go back to the default. The text is served as is, unchecked.
    /// </summary>
    public string? ModelCatalogJson
    {
        get => _api.Catalog.Json;
        set => _api.Catalog.Json = value!;
    }

    /// <summary>How many uploads the server has accepted.</summary>
    public int FileCount => _files.Count;

    /// <summary>How many requests a fault of <see cref="InjectRandomFaults"/> has struck (for tests of the fake and soaks).</summary>
    internal int RandomFaultsStruck => _randomFaults.Struck;

    /// <summary>How many upcoming requests will answer an injected fault.</summary>
    public int PendingFaults => _faults.Pending;

    /// <summary>
    /// The requests received so far, oldest first: a snapshot, safe to enumerate while requests keep arriving. Each
    /// one's <c>Authorization</c> header is redacted.
    /// </summary>
    public IReadOnlyList<FakeRequest> Requests => _log.Snapshot();

    /// <summary>
    /// A wait schedule for tests against the fake: poll at once, then every millisecond, no jitter, for at most 30
    /// seconds. A task on the fake advances per poll (never with time), so a whole create-and-wait takes milliseconds.
    /// <see cref="CreateClient"/> and <see cref="ConfigureClient"/> make it the client's
    /// <see cref="RivyaClientOptions.DefaultWaitOptions"/>.
    /// </summary>
    public static WaitOptions FastWaitOptions { get; } = new()
    {
        InitialDelay = TimeSpan.Zero,
        PollInterval = TimeSpan.FromMilliseconds(1),
        MaxPollInterval = TimeSpan.FromMilliseconds(1),
        PollIntervalMultiplier = 1,
        Jitter = 0,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// Points <paramref name="options"/> at this server: its <see cref="BaseAddress"/>, its <see cref="ApiKey"/>, and
    /// <see cref="FastWaitOptions"/> as the default wait. For dependency injection:
    /// <c>services.AddRivyaClient(fake.ConfigureClient)</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public void ConfigureClient(RivyaClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ApiKey = ApiKey;
        options.BaseAddress = BaseAddress;
        options.DefaultWaitOptions = FastWaitOptions;
    }

    /// <summary>
    /// A client on this server (see <see cref="ConfigureClient"/>): a create-and-wait with no <see cref="WaitOptions"/>
    /// of its own finishes in milliseconds. <paramref name="configure"/> runs afterwards, to change any option.
    /// Dispose the client before the server.
    /// </summary>
    public RivyaClient CreateClient(Action<RivyaClientOptions>? configure = null)
    {
        var options = new RivyaClientOptions();
        ConfigureClient(options);
        configure?.Invoke(options);
        return new RivyaClient(options);
    }

    /// <summary>
    /// Starts a fake Rivya on a loopback port (a free one unless <see cref="FakeRivyaServerOptions.Port"/> says).
    /// Dispose it to stop it.
    /// </summary>
    /// <param name="options">How to start; null uses the defaults of <see cref="FakeRivyaServerOptions"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range (a blank key, fewer than one poll, a negative balance, a bad port).</exception>
    public static FakeRivyaServer Start(FakeRivyaServerOptions? options = null)
    {
        options ??= new FakeRivyaServerOptions();
        Validate(options);

        var time = options.TimeProvider;
        var stopping = new CancellationTokenSource();
        var (server, port) = StartWireMock(options.Port);
        MediaHost? media = null;
        try
        {
            var baseAddress = new Uri(FormattableString.Invariant($"http://127.0.0.1:{port}/"));
            var origin = baseAddress.AbsoluteUri.TrimEnd('/');
            var log = new RequestLog();
            var faults = new FaultQueue();
            var randomFaults = new RandomFaults();
            var ledger = new CreditLedger(options.InitialBalance);
            GenerationStore? generations = null;
            media = new MediaHost(id => generations!.HasSucceeded(id), options.ApiKey, time);
            generations = new GenerationStore(ledger, time, options.PollsUntilSucceeded, media.ResultUrl);
            var files = new FileStore();
            var api = new FakeRivyaApi(
                new ApiKeyCheck(options.ApiKey),
                time,
                log,
                faults,
                randomFaults,
                ledger,
                new GenerationsEndpoint(generations, options.RejectUnknownParams),
                new FilesEndpoint(files, time, id => origin + MediaEndpoint.FilePath(id)),
                new MediaEndpoint(generations, files))
            {
                RateLimiter = options.CreateRateLimit is null ? null : new CreateRateLimiter(options.CreateRateLimit, options.RateLimitWindow, time),
            };

            var token = stopping.Token;
            server
                .Given(Request.Create().UsingAnyMethod())
                .RespondWith(Response.Create().WithCallback(request => api.HandleAsync(request, token)));

            return new FakeRivyaServer(server, baseAddress, options.ApiKey, stopping, log, faults, randomFaults, ledger, generations, files, api, media);
        }
        catch
        {
            media?.Dispose();
            server.Dispose();
            stopping.Dispose();
            throw;
        }
    }

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearRequests() => _log.Clear();

    /// <summary>Sets the account's credit balance, e.g. below a model's base credits to get <c>insufficient_credits</c>.</summary>
    /// <param name="credits">The new balance; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="credits"/> is negative.</exception>
    public void SetBalance(decimal credits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(credits);
        _ledger.Set(credits);
    }

    /// <summary>
    /// Makes the next generation created end <c>failed</c> (on the poll where it would have succeeded) with
    /// <c>error</c> <c>{ code, message }</c>. Each call fails one more generation, in order. Its credits are refunded.
    /// </summary>
    /// <param name="code">The task's <c>error.code</c>; Rivya documents <c>generation_failed</c>.</param>
    /// <param name="message">The task's <c>error.message</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is null or blank.</exception>
    public void FailNextGeneration(string code = "generation_failed", string message = "The generation failed (FakeRivyaServer.FailNextGeneration).")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        _generations.FailNext(new GenerationFailure(code, message));
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> requests (to any path) answer an HTTP fault instead of being handled:
    /// status <paramref name="status"/>, a Rivya error body, and optionally a <c>Retry-After</c> header and a delay.
    /// Faults queue: a later call's faults follow the earlier ones. Faulted requests are still recorded in
    /// <see cref="Requests"/>, and change no state (no task, no charge).
    /// </summary>
    /// <param name="count">How many requests answer the fault; at least 1.</param>
    /// <param name="status">The HTTP status, 400 to 599.</param>
    /// <param name="errorCode">The body's <c>error.code</c>; null picks the documented code for the status (see <see cref="FakeFault.ErrorCode"/>).</param>
    /// <param name="retryAfter">When set, a <c>Retry-After</c> header in whole seconds.</param>
    /// <param name="delay">When set, how long each faulted answer waits (wall clock) before it is sent.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public void InjectFaults(int count, HttpStatusCode status, string? errorCode = null, TimeSpan? retryAfter = null, TimeSpan? delay = null) =>
        InjectFaults(count, new FakeFault(status) { ErrorCode = errorCode, RetryAfter = retryAfter, Delay = delay });

    /// <summary>
    /// Makes the next <paramref name="count"/> requests answer <paramref name="fault"/>: instead of being handled, or,
    /// for the "after work" kinds (<see cref="FakeFault.ErrorAfterWork"/>, <see cref="FakeFault.AbortAfterWork"/>,
    /// <see cref="FakeFault.HalfJson"/>, <see cref="FakeFault.CutBody"/>, <see cref="FakeFault.Slow"/>), after being
    /// handled (a create then makes and charges its task).
    /// </summary>
    /// <param name="count">How many requests answer the fault; at least 1.</param>
    /// <param name="fault">The fault.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fault"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1, the status is not 400 to 599, or a duration is negative.</exception>
    public void InjectFaults(int count, FakeFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        FaultCheck.ThrowIfInvalid(fault, nameof(fault));
        _faults.Enqueue(fault, count);
    }

    /// <summary>
    /// From now on, each request to <c>/api/v1/</c> answers a fault with probability <paramref name="rate"/>, picked at
    /// random (from <paramref name="seed"/>) among <paramref name="faults"/>; none given picks among
    /// <see cref="FakeFault.RandomDefaults"/> (503, an HTML 502, 429 with <c>Retry-After: 1</c>, 500 after the work,
    /// aborts before and after the work, a 2-second slow answer (lost when the client's attempt timeout is shorter), a body cut mid-way, half the JSON). Faults queued with
    /// <see cref="InjectFaults(int, FakeFault)"/> come first. A later call replaces the rate and mix;
    /// <see cref="ClearFaults"/> ends them.
    /// </summary>
    /// <param name="rate">The share of requests that fault, 0 to 1.</param>
    /// <param name="seed">The seed of the random choices: the same seed and the same order of requests fault alike.</param>
    /// <param name="faults">The faults to pick among, equally likely (list one twice to weight it).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is not within 0 to 1, or a fault is invalid.</exception>
    /// <exception cref="ArgumentNullException">A fault is null.</exception>
    public void InjectRandomFaults(double rate, int seed, params FakeFault[] faults)
    {
        if (rate is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The fault rate must be between 0 and 1.");
        }

        ArgumentNullException.ThrowIfNull(faults);
        foreach (var fault in faults)
        {
            FaultCheck.ThrowIfInvalid(fault, nameof(faults));
        }

        _randomFaults.Start(rate, seed, faults.Length == 0 ? FakeFault.RandomDefaults : faults);
    }

    /// <summary>Drops the faults not yet answered, and stops random faults.</summary>
    public void ClearFaults()
    {
        _faults.Clear();
        _randomFaults.Stop();
    }

    /// <summary>
    /// The result host's address: a succeeded task's <c>result.urls</c> point here (<c>/results/{taskId}.mp4</c>), on
    /// another loopback port than <see cref="BaseAddress"/>, as a CDN is another origin than the API. It serves
    /// <c>Content-Length</c>, a strong <c>ETag</c>, <c>Range</c> and <c>If-Range</c>, and the faults of <see cref="InjectMediaFaults"/>.
    /// </summary>
    public Uri MediaBaseAddress => _media.BaseAddress;

    /// <summary>The download requests the result host received, oldest first (a snapshot; <c>Authorization</c> redacted, <c>HasValidApiKey</c> says if the key came).</summary>
    public IReadOnlyList<FakeRequest> MediaRequests => _media.Requests;

    /// <summary>How many body bytes the result host has sent (partial answers and cut ones included).</summary>
    public long MediaBytesServed => _media.BytesServed;

    /// <summary>Sets the bytes every succeeded task's result serves (default: a 24-byte MP4 header), with a new <c>ETag</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    public void SetResultMedia(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _media.SetContent(content);
    }

    /// <summary>Makes the next download requests answer <paramref name="faults"/>, one each, in order (after any queued before).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="faults"/> or one of them is null.</exception>
    public void InjectMediaFaults(params MediaFault[] faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        foreach (var fault in faults)
        {
            _media.Enqueue(fault ?? throw new ArgumentNullException(nameof(faults)));
        }
    }

    /// <summary>Forgets the download requests recorded so far, the byte count, and the media faults not yet answered.</summary>
    public void ClearMedia()
    {
        _media.ClearFaults();
        _media.ClearRequests();
    }

    /// <summary>The server's address; never its key.</summary>
    public override string ToString() => $"FakeRivyaServer at {BaseAddress}";

    /// <summary>
    /// Stops the server and frees its port: when it returns, a new connection to <see cref="BaseAddress"/> is refused
    /// (it waits up to 5 seconds for that). Delayed fault answers end at once. Safe to call twice.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _media.Dispose();
        _server.Stop();
        _server.Dispose();
        _stopping.Dispose();
        WaitUntilPortIsClosed(BaseAddress.Port);
    }

    /// <summary>Stops the server and frees its port (see <see cref="Dispose"/>).</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    private static void Validate(FakeRivyaServerOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey, "options.ApiKey");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PollsUntilSucceeded, 1, "options.PollsUntilSucceeded");
        ArgumentOutOfRangeException.ThrowIfNegative(options.InitialBalance, "options.InitialBalance");
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException("options.Port", options.Port, "The port must be 0 (a free one) to 65535.");
        }

        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        if (options.CreateRateLimit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, "options.CreateRateLimit");
            ArgumentOutOfRangeException.ThrowIfLessThan(options.RateLimitWindow, TimeSpan.FromSeconds(1), "options.RateLimitWindow");
        }
    }

    private static (WireMockServer Server, int Port) StartWireMock(int requestedPort)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = requestedPort != 0 ? requestedPort : FreeLoopbackPort();
            try
            {
                var server = WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [FormattableString.Invariant($"http://127.0.0.1:{port}")],
                    StartAdminInterface = false,
                    ReadStaticMappings = false,
                    Logger = new WireMockNullLogger(),
                    DisableJsonBodyParsing = true,
                    MaxRequestLogCount = 1,
                    DoNotSaveDynamicResponseInLogEntry = true,
                    PreWireMockMiddlewareInit = ConnectionFaults.Install,
                });
                return (server, port);
            }
            catch (Exception) when (requestedPort == 0 && attempt < StartAttempts)
            {
                // Another process took the free port between the probe and the bind: try another one.
            }
        }
    }

    // WireMock's Stop can return while Kestrel is still shutting down (its host's own stop races it), so the port could
    // still accept a connection for a moment. Wait, for a bounded time, until it refuses: then a fake started next on
    // the same port binds, and a client of a disposed fake fails instead of being answered.
    private static void WaitUntilPortIsClosed(int port)
    {
        var deadline = DateTime.UtcNow + StopTimeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
            }
            catch (SocketException)
            {
                return;
            }

            Thread.Sleep(10);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
