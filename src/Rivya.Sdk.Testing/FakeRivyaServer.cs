using System;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Testing.Credits;
using Rivya.Sdk.Testing.Faults;
using Rivya.Sdk.Testing.Files;
using Rivya.Sdk.Testing.Generations;
using Rivya.Sdk.Testing.Ledger;
using Rivya.Sdk.Testing.Logging;
using Rivya.Sdk.Testing.Media;
using Rivya.Sdk.Testing.Server;

namespace Rivya.Sdk.Testing;

// The public face of the fake, one concern a file: this file its lifetime; FakeRivyaServer.Start.cs how its parts are
// put together; .Clients (a client on it), .Account (credits, uploads, catalogue), .Generations (tasks),
// .Requests (the request log), .Faults (fault injection), .Media (the result host). Each member hands over to a part.

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
public sealed partial class FakeRivyaServer : IDisposable, IAsyncDisposable
{
    private readonly WireMockListener _listener;
    private readonly CancellationTokenSource _stopping;
    private readonly RequestLog _log;
    private readonly FaultQueue _faults;
    private readonly RandomFaults _randomFaults;
    private readonly CreditLedger _ledger;
    private readonly GenerationStore _generations;
    private readonly FileStore _files;
    private readonly FakeRivyaApi _api;
    private readonly MediaHost _media;
    private readonly LedgerBook _book;
    private int _disposed;

    private FakeRivyaServer(
        WireMockListener listener,
        string apiKey,
        CancellationTokenSource stopping,
        RequestLog log,
        FaultQueue faults,
        RandomFaults randomFaults,
        CreditLedger ledger,
        GenerationStore generations,
        FileStore files,
        FakeRivyaApi api,
        MediaHost media,
        LedgerBook book)
    {
        _listener = listener;
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
        _book = book;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:54321/</c>; give it to <c>RivyaClientOptions.BaseAddress</c>.</summary>
    public Uri BaseAddress => _listener.BaseAddress;

    /// <summary>The one API key the server accepts (a fake key: <see cref="FakeRivyaServerOptions.ApiKey"/>).</summary>
    public string ApiKey { get; }

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
        _listener.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Stops the server and frees its port (see <see cref="Dispose"/>).</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
