using System;
using System.Net;

namespace Rivya.Sdk.Testing;

/// <summary>
/// How a <see cref="FakeRivyaServer"/> starts. Every property has a default that suits a test, so
/// <c>FakeRivyaServer.Start()</c> needs none. The values are read once, by <see cref="FakeRivyaServer.Start"/>.
/// </summary>
public sealed class FakeRivyaServerOptions
{
    /// <summary>The key a fake server accepts unless <see cref="ApiKey"/> says otherwise. It is not a real key.</summary>
    public const string DefaultApiKey = "rvya_sk_fake_0123456789abcdef";

    /// <summary>
    /// The only key the server accepts as <c>Authorization: Bearer &lt;key&gt;</c>; any other answers 401
    /// <c>api_key_invalid</c>. Default <see cref="DefaultApiKey"/>.
    /// </summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>The account's credit balance at start. Default 10,000 credits; change it later with <see cref="FakeRivyaServer.SetBalance"/>.</summary>
    public decimal InitialBalance { get; set; } = 10_000m;

    /// <summary>
    /// How many <c>GET /api/v1/generations/{id}</c> polls a task takes to finish. Each poll advances the task: the
    /// polls before this one answer <c>processing</c>, this one answers <c>succeeded</c> (or <c>failed</c>).
    /// Default 2; at least 1.
    /// </summary>
    public int PollsUntilSucceeded { get; set; } = 2;

    /// <summary>
    /// How long a task processes at least, on <see cref="TimeProvider"/>, counted from its creation: a poll before then
    /// answers <c>processing</c> even when <see cref="PollsUntilSucceeded"/> is reached. Default zero (polls alone
    /// decide). For a fake in its own process that behaves like a slow service (the <c>FakeRivyaHost</c> sample).
    /// </summary>
    public TimeSpan ProcessingTime { get; set; }

    /// <summary>
    /// Whether each succeeded task's result serves bytes of its own: the result media followed by an MP4 <c>free</c> box
    /// holding the task id, so a test can tell one task's file from another's. Default false: every result serves the
    /// same bytes (<see cref="FakeRivyaServer.SetResultMedia"/>).
    /// </summary>
    public bool DistinctResults { get; set; }

    /// <summary>
    /// Whether a <c>params</c> key the model does not document answers 400 <c>validation_failed</c>, as Rivya's
    /// "model-specific keys only" rule reads. Default true; set false to let parameters newer than this SDK through.
    /// </summary>
    public bool RejectUnknownParams { get; set; } = true;

    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The clock of the server's timestamps (<c>created_at</c>, <c>updated_at</c>), of the request log, and of the
    /// <see cref="CreateRateLimit"/> windows. Default <see cref="TimeProvider.System"/>. A task advances per poll, never
    /// with time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// At most this many <c>POST /api/v1/generations</c> per API key in each <see cref="RateLimitWindow"/>; the next
    /// ones answer 429 <c>rate_limited</c> with <c>Retry-After</c> (whole seconds up to the next window). Windows are
    /// fixed, counted from the server's start on <see cref="TimeProvider"/>. Default null: no limit.
    /// </summary>
    public int? CreateRateLimit { get; set; }

    /// <summary>The window of <see cref="CreateRateLimit"/>. Default 60 seconds; at least one second.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A summary of the options; the API key is never shown.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"FakeRivyaServerOptions {{ InitialBalance = {InitialBalance}, PollsUntilSucceeded = {PollsUntilSucceeded}, Port = {Port}, ApiKey = [redacted] }}");

    /// <summary>Checks every option before anything starts; the parameter names say which option (<c>options.Port</c>).</summary>
    internal void ThrowIfInvalid()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ApiKey, "options.ApiKey");
        ArgumentOutOfRangeException.ThrowIfLessThan(PollsUntilSucceeded, 1, "options.PollsUntilSucceeded");
        ArgumentOutOfRangeException.ThrowIfNegative(InitialBalance, "options.InitialBalance");
        ArgumentOutOfRangeException.ThrowIfLessThan(ProcessingTime, TimeSpan.Zero, "options.ProcessingTime");
        if (Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException("options.Port", Port, "The port must be 0 (a free one) to 65535.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, "options.TimeProvider");
        if (CreateRateLimit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, "options.CreateRateLimit");
            ArgumentOutOfRangeException.ThrowIfLessThan(RateLimitWindow, TimeSpan.FromSeconds(1), "options.RateLimitWindow");
        }
    }
}
