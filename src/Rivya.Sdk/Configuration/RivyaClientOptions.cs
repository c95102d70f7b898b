using System;
using System.Threading;
using Microsoft.Extensions.Logging;
using Rivya.Sdk.Common;
using Rivya.Sdk.Configuration;

namespace Rivya.Sdk;

/// <summary>
/// Settings of a <see cref="RivyaClient"/>. Every property has a production-ready default; bind them from
/// configuration with <c>services.AddRivyaClient(configuration.GetSection("Rivya"))</c>.
/// </summary>
public sealed class RivyaClientOptions
{
    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = MissingApiKey.EnvironmentVariable;

    /// <summary>Rivya's production address, the default <see cref="BaseAddress"/>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://rivya.ai/");

    /// <summary>
    /// The secret key (<c>rvya_sk_...</c>). When null or empty, <c>RIVYA_API_KEY</c> is read. With no key at all the
    /// client still works for <c>client.Models.ListAsync</c>; every other call throws
    /// <see cref="InvalidOperationException"/> before sending anything (a client from <c>AddRivyaClient</c> instead
    /// fails when the host starts). Leading and trailing whitespace (a line break from a copy-paste) is trimmed and never
    /// sent; a key of only whitespace is refused with <see cref="ArgumentException"/> when the client is built. Never
    /// shown by <see cref="ToString"/>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The API's address. Default <c>https://rivya.ai/</c>. Must be https, except a loopback address (tests, the fake server).</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>How many times a failed call is retried (so at most <c>MaxRetries + 1</c> attempts). Default 2; 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// The time one attempt may take, from sending to the end of the response body. Default 100 seconds.
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it. Waiting for a generation has its own timeout (<c>WaitOptions</c>).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The time one upload attempt may take. Default 10 minutes.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The longest <c>Retry-After</c> the client will sleep for. Default 60 seconds. When the server asks for longer,
    /// the call fails at once with <see cref="RivyaRateLimitException"/> (or the status's exception) carrying
    /// <see cref="RivyaApiException.RetryAfter"/>, instead of blocking for that long.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock behind every delay, timeout and wait in the SDK. Default <see cref="TimeProvider.System"/>; tests pass a fake.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs one line per attempt and per retry decision. Default: no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The most bytes the SDK reads of one JSON answer, counted after decompression. Default 4 MiB (<c>4194304</c>):
    /// three orders of magnitude above Rivya's largest answer (the catalogue), while many calls at once still cannot be
    /// pushed into gigabytes. A larger body ends the attempt at once with a <see cref="RivyaApiException"/> that keeps
    /// the HTTP status and is not retried (for a create, the exception's <see cref="RivyaException.IdempotencyKey"/>
    /// reaches the task). Error bodies are read up to 64 KB, the rest ignored.
    /// </summary>
    public long MaxResponseBodySize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Appended to the SDK's <c>User-Agent</c>, e.g. <c>my-app/1.2</c>.</summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// The schedule, timeout and progress of a wait (<c>WaitForCompletionAsync</c>, <c>CreateAndWaitAsync</c>,
    /// <c>WatchAsync</c>, a batch) that is given no <see cref="Sdk.WaitOptions"/> of its own, and every property that a
    /// given one does not set. Default null: the defaults of
    /// <see cref="Sdk.WaitOptions"/> (first poll after 2.5 s, up to 30 minutes). Tests against a fake server set a
    /// zero-delay schedule here (<c>FakeRivyaServer.CreateClient()</c> does), so code under test waits in milliseconds.
    /// Not read from configuration.
    /// </summary>
    public WaitOptions? DefaultWaitOptions { get; set; }

    /// <summary>
    /// The most connections the SDK's own handler (and the one <c>AddRivyaClient</c> registers) opens to the API at once.
    /// Default 256; at least 1. Calls beyond it queue for a free connection instead of opening one socket each, so
    /// thousands of concurrent waits stay within file-descriptor and port limits. An <see cref="System.Net.Http.HttpClient"/>
    /// you pass in yourself keeps its own setting. HTTP/2 is used where the server offers it (on .NET 8 and later).
    /// </summary>
    public int MaxConnectionsPerServer { get; set; } = 256;

    /// <summary>
    /// When true, building the client starts one background <c>client.Models.CheckCatalogAsync()</c> and logs a
    /// warning once if the server's prices, prompt limits, statuses or options differ from the SDK's built-in rules.
    /// Default false: the SDK makes no call you did not ask for.
    /// </summary>
    public bool WarnOnCatalogDrift { get; set; }

    // Set by AddRivyaClient to the host's meter factory (the .NET 8 convention); null records on the static meter.
    // Not public: the meter is the host's business, not an option.
    internal System.Diagnostics.Metrics.IMeterFactory? MeterFactory { get; set; }

    /// <summary>Test hook: the source of retry jitter, in [0, 1). Null uses a shared random source.</summary>
    internal Func<double>? JitterSource { get; set; }

    /// <summary>The key from <see cref="ApiKey"/>, else from <c>RIVYA_API_KEY</c>; null when neither is set.</summary>
    internal string? ResolveApiKey()
    {
        var key = string.IsNullOrWhiteSpace(ApiKey) ? Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable) : ApiKey;
        return string.IsNullOrWhiteSpace(key) ? null : key!.Trim();
    }

    /// <summary>A copy, so a client is not changed by later edits of the options it was built from.</summary>
    internal RivyaClientOptions Clone() => (RivyaClientOptions)MemberwiseClone();

    /// <summary>Shows every plain-value setting (those configuration can set) except the key, which reads as <c>***</c> (or <c>(none)</c>).</summary>
    public override string ToString() => "RivyaClientOptions { " + string.Join(", ", Array.ConvertAll(Plain, o => o.Name + " = " + o.Show(this))) + " }";

    // The options configuration can set (see ClientOption). A new plain-value option gets its row here (a test fails
    // until it does); an object (clock, logger factory) is code-only and has no row.
    internal static readonly ClientOption[] Plain =
    [
        ClientOption.Text(nameof(ApiKey), o => o.ApiKey, (o, v) => o.ApiKey = v, RivyaClientOptionsValidator.ApiKeyProblem, v => string.IsNullOrWhiteSpace(v) ? "(none)" : "***"),
        ClientOption.Address(nameof(BaseAddress), o => o.BaseAddress, (o, v) => o.BaseAddress = v, BaseAddressRules.Check, BaseAddressRules.Display),
        ClientOption.Int(nameof(MaxRetries), o => o.MaxRetries, (o, v) => o.MaxRetries = v, v => OptionRules.AtLeast(nameof(MaxRetries), v, 0)),
        ClientOption.Duration(nameof(Timeout), o => o.Timeout, (o, v) => o.Timeout = v, v => OptionRules.PositiveOrInfinite(nameof(Timeout), v)),
        ClientOption.Duration(nameof(UploadTimeout), o => o.UploadTimeout, (o, v) => o.UploadTimeout = v, v => OptionRules.PositiveOrInfinite(nameof(UploadTimeout), v)),
        ClientOption.Duration(nameof(MaxRetryAfter), o => o.MaxRetryAfter, (o, v) => o.MaxRetryAfter = v, v => OptionRules.NotNegative(nameof(MaxRetryAfter), v)),
        ClientOption.Long(nameof(MaxResponseBodySize), o => o.MaxResponseBodySize, (o, v) => o.MaxResponseBodySize = v, v => OptionRules.AtLeast(nameof(MaxResponseBodySize), v, 1)),
        ClientOption.Text(nameof(UserAgent), o => o.UserAgent, (o, v) => o.UserAgent = v, v => string.IsNullOrWhiteSpace(v) ? null : HeaderValues.Problem(nameof(UserAgent), v)),
        ClientOption.Int(nameof(MaxConnectionsPerServer), o => o.MaxConnectionsPerServer, (o, v) => o.MaxConnectionsPerServer = v, v => OptionRules.AtLeast(nameof(MaxConnectionsPerServer), v, 1)),
        ClientOption.Flag(nameof(WarnOnCatalogDrift), o => o.WarnOnCatalogDrift, (o, v) => o.WarnOnCatalogDrift = v),
    ];
}
