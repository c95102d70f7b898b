using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rivya.Sdk.Http;

namespace Rivya.Sdk;

/// <summary>
/// The entry point to the Rivya Public API v1. Thread-safe: create one and share it (or register it with
/// <c>services.AddRivyaClient(...)</c>).
/// </summary>
/// <example>
/// <code>
/// var client = new RivyaClient("rvya_sk_...");
/// var task = await client.Generations.CreateAsync(new GenerationRequest { Prompt = "...", Params = new Kling30Params() });
/// </code>
/// </example>
public sealed class RivyaClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;

    /// <summary>A client with default options and the key from <c>RIVYA_API_KEY</c>.</summary>
    public RivyaClient()
        : this(new RivyaClientOptions())
    {
    }

    /// <summary>A client with default options and <paramref name="apiKey"/>.</summary>
    public RivyaClient(string apiKey)
        : this(new RivyaClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>A client with <paramref name="options"/>, on an <see cref="HttpClient"/> of its own.</summary>
    /// <exception cref="ArgumentException">The options are invalid (e.g. a non-https, non-loopback <c>BaseAddress</c>).</exception>
    public RivyaClient(RivyaClientOptions options)
        : this(CreateHttpClient(), options, ownsHttpClient: true)
    {
    }

    /// <summary>
    /// A client on <paramref name="httpClient"/> (from <c>IHttpClientFactory</c>, say), which it does not dispose. The
    /// SDK applies its own per-attempt timeouts: give a client whose <see cref="HttpClient.Timeout"/> is infinite, or
    /// at least as long as <see cref="RivyaClientOptions.UploadTimeout"/> (a shorter one is logged as a warning).
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public RivyaClient(HttpClient httpClient, RivyaClientOptions? options = null)
        : this(Guard.NotNull(httpClient), options ?? new RivyaClientOptions(), ownsHttpClient: false)
    {
    }

    private RivyaClient(HttpClient httpClient, RivyaClientOptions options, bool ownsHttpClient)
    {
        Guard.NotNull(options);
        RivyaClientOptionsValidator.ThrowIfInvalid(options);
        options = options.Clone();
        _http = httpClient;
        _ownsHttpClient = ownsHttpClient;

        var logger = options.LoggerFactory?.CreateLogger("Rivya.Sdk") ?? (ILogger)NullLogger.Instance;
        WarnIfHttpClientTimeoutTooShort(httpClient, options, logger);

        var pipeline = new RivyaPipeline(httpClient, options, logger);
        Generations = new GenerationsClient(pipeline);
        Files = new FilesClient(pipeline);
        Credits = new CreditsClient(pipeline);
        Models = new ModelsClient(pipeline);
    }

    /// <summary>Submit generations, read their status, and wait for them.</summary>
    public GenerationsClient Generations { get; }

    /// <summary>Upload reference files (streamed, checked before sending) and read their metadata.</summary>
    public FilesClient Files { get; }

    /// <summary>The account's credit balance.</summary>
    public CreditsClient Credits { get; }

    /// <summary>The server's model catalogue (no key needed).</summary>
    public ModelsClient Models { get; }

    /// <summary>The <see cref="System.Net.Http.HttpClient"/> every call goes through (for tests).</summary>
    internal HttpClient HttpClient => _http;

    /// <summary>Disposes the <see cref="HttpClient"/> if the client created it; a caller-supplied one is left alone.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _http.Dispose();
        }
    }

    private static HttpClient CreateHttpClient()
    {
#if NET8_0_OR_GREATER
        var handler = new SocketsHttpHandler
        {
            // Long-lived clients must still notice DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
            // A redirect would re-send a create's body and headers wherever it points: a 3xx is an error instead.
            AllowAutoRedirect = false,
        };
#else
        var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate, AllowAutoRedirect = false };
#endif
        // The SDK's own per-attempt timeouts govern; HttpClient's 100 s default would silently cut uploads and waits.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static void WarnIfHttpClientTimeoutTooShort(HttpClient httpClient, RivyaClientOptions options, ILogger logger)
    {
        var clientTimeout = httpClient.Timeout;
        if (clientTimeout == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var longest = options.UploadTimeout == Timeout.InfiniteTimeSpan || options.Timeout == Timeout.InfiniteTimeSpan
            ? Timeout.InfiniteTimeSpan
            : (options.UploadTimeout > options.Timeout ? options.UploadTimeout : options.Timeout);
        if (longest == Timeout.InfiniteTimeSpan || clientTimeout < longest)
        {
            RivyaLog.HttpClientTimeoutTooShort(logger, clientTimeout, longest);
        }
    }
}
