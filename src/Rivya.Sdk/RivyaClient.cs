using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rivya.Sdk.Common;
using Rivya.Sdk.Configuration;
using Rivya.Sdk.Http;

namespace Rivya.Sdk;

/// <summary>
/// The entry point to the Rivya Public API v1. Thread-safe: create one and share it (or register it with
/// <c>services.AddRivyaClient(...)</c>).
/// </summary>
/// <example>
/// <code>
/// using var client = new RivyaClient("rvya_sk_...");
/// var task = await client.Generations.CreateAsync(new GenerationRequest { Prompt = "...", Params = new Kling30Params() });
/// </code>
/// </example>
/// <remarks>
/// Mockable: the class is not sealed, its sub-client properties are virtual, and the protected parameterless
/// constructor makes an instance with no connection (for Moq, NSubstitute or a hand-written fake), on which every member
/// that is not overridden throws <see cref="NotSupportedException"/>. The result types are records with public
/// <c>init</c> properties; <see cref="RivyaModelFactory"/> builds them in one call.
/// </remarks>
public class RivyaClient : IDisposable
{
    private readonly HttpClient? _http;
    private readonly bool _ownsHttpClient;
    private readonly GenerationsClient? _generations;
    private readonly FilesClient? _files;
    private readonly CreditsClient? _credits;
    private readonly ModelsClient? _models;

    /// <summary>
    /// For mocking frameworks and hand-written fakes only: an instance with no connection to Rivya. Every member that is
    /// not overridden throws <see cref="NotSupportedException"/>. For a real client with the key from
    /// <c>RIVYA_API_KEY</c>, use <c>new RivyaClient(new RivyaClientOptions())</c>.
    /// </summary>
    protected RivyaClient()
    {
    }

    /// <summary>
    /// A client with default options and <paramref name="apiKey"/>. Leading and trailing whitespace (a line break from a
    /// copy-paste) is trimmed and never sent.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is null, empty or only whitespace (for the key from
    /// <c>RIVYA_API_KEY</c>, use <c>new RivyaClient(new RivyaClientOptions())</c>).</exception>
    public RivyaClient(string apiKey)
        : this(new RivyaClientOptions { ApiKey = RequireKey(apiKey) })
    {
    }

    /// <summary>A client with <paramref name="options"/>, on an <see cref="HttpClient"/> of its own.</summary>
    /// <exception cref="ArgumentException">The options are invalid (e.g. a non-https, non-loopback <c>BaseAddress</c>).</exception>
    public RivyaClient(RivyaClientOptions options)
        : this(CreateHttpClient(Guard.NotNull(options)), options, ownsHttpClient: true)
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

        // Wrapped once here, so every line of every feature is cleaned at the sink (SanitizingLogger).
        var logger = SanitizingLogger.Wrap(options.LoggerFactory?.CreateLogger("Rivya.Sdk") ?? NullLogger.Instance, options.ResolveApiKey());
        WarnIfHttpClientTimeoutTooShort(httpClient, options, logger);

        var pipeline = new RivyaPipeline(httpClient, options, logger);
        _generations = new GenerationsClient(pipeline);
        _files = new FilesClient(pipeline);
        _credits = new CreditsClient(pipeline);
        _models = new ModelsClient(pipeline);
        if (options.WarnOnCatalogDrift)
        {
            CatalogDriftCheck = CatalogDriftWarning.Start(_models.CheckCatalogAsync, logger);
        }
    }

    /// <summary>Submit generations, read their status, and wait for them.</summary>
    /// <exception cref="NotSupportedException">A mocking-only instance that does not override this property.</exception>
    public virtual GenerationsClient Generations => _generations ?? throw MockingOnly.NotSetUp(this, nameof(Generations));

    /// <summary>Upload reference files (streamed, checked before sending) and read their metadata.</summary>
    /// <exception cref="NotSupportedException">A mocking-only instance that does not override this property.</exception>
    public virtual FilesClient Files => _files ?? throw MockingOnly.NotSetUp(this, nameof(Files));

    /// <summary>The account's credit balance.</summary>
    /// <exception cref="NotSupportedException">A mocking-only instance that does not override this property.</exception>
    public virtual CreditsClient Credits => _credits ?? throw MockingOnly.NotSetUp(this, nameof(Credits));

    /// <summary>The server's model catalogue (no key needed).</summary>
    /// <exception cref="NotSupportedException">A mocking-only instance that does not override this property.</exception>
    public virtual ModelsClient Models => _models ?? throw MockingOnly.NotSetUp(this, nameof(Models));

    /// <summary>The start-up catalogue check of <see cref="RivyaClientOptions.WarnOnCatalogDrift"/>, or null when it is off (for tests).</summary>
    internal Task? CatalogDriftCheck { get; }

    /// <summary>The <see cref="System.Net.Http.HttpClient"/> every call goes through (for tests).</summary>
    internal HttpClient HttpClient => _http ?? throw MockingOnly.NotSetUp(this, nameof(HttpClient));

    /// <summary>Disposes the <see cref="HttpClient"/> if the client created it; a caller-supplied one is left alone.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the <see cref="HttpClient"/> the client created; a subclass adds its own resources here.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>; false from a finalizer (nothing managed to release then).</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _ownsHttpClient)
        {
            _http?.Dispose();
        }
    }

    private static string RequireKey(string apiKey) => string.IsNullOrWhiteSpace(apiKey)
        ? throw new ArgumentException("The API key is empty. Pass the key (rvya_sk_...), or use new RivyaClient(new RivyaClientOptions()) to read " + RivyaClientOptions.ApiKeyEnvironmentVariable + ".", nameof(apiKey))
        : apiKey;

    private static HttpClient CreateHttpClient(RivyaClientOptions options)
    {
        var handler = RivyaHttpHandler.Create(options);
        // The SDK's own per-attempt timeouts govern; HttpClient's 100 s default would silently cut uploads and waits.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static void WarnIfHttpClientTimeoutTooShort(HttpClient httpClient, RivyaClientOptions options, ILogger logger)
    {
        var clientTimeout = httpClient.Timeout;
        var longest = options.UploadTimeout == Timeout.InfiniteTimeSpan || options.Timeout == Timeout.InfiniteTimeSpan
            ? Timeout.InfiniteTimeSpan
            : (options.UploadTimeout > options.Timeout ? options.UploadTimeout : options.Timeout);
        if (clientTimeout != Timeout.InfiniteTimeSpan && (longest == Timeout.InfiniteTimeSpan || clientTimeout < longest))
        {
            RivyaLog.HttpClientTimeoutTooShort(logger, clientTimeout, longest);
        }
    }
}
