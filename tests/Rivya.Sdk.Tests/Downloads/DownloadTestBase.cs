using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>
/// A fresh fake Rivya per test (its result host on another loopback port), a client on a <see cref="TestClock"/> with
/// jitter pinned at 0.5 (backoff exactly 1 s, 2 s, ...), a temporary directory, and a result of known random bytes.
/// </summary>
public abstract class DownloadTestBase : IAsyncLifetime
{
    protected static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private FakeRivyaServer? _fake;
    private RivyaClient? _client;

    protected FakeRivyaServer Fake => _fake ?? throw new InvalidOperationException("Not started.");

    protected RivyaClient Client => _client ?? throw new InvalidOperationException("Not started.");

    protected TestClock Clock { get; } = new();

    protected string TempDir { get; } = Path.Combine(Path.GetTempPath(), "rivya-dl-" + Guid.NewGuid().ToString("N"));

    /// <summary>600 KiB of random bytes: larger than the progress step and the read buffer, so offsets land anywhere.</summary>
    protected byte[] Content { get; } = RandomBytes(600 * 1024, seed: 11);

    protected virtual CapturingLoggerProvider? Logs => null;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(TempDir);
        _fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { PollsUntilSucceeded = 1 });
        _fake.SetResultMedia(Content);
        _client = NewClient(new RivyaClientOptions
        {
            ApiKey = _fake.ApiKey,
            BaseAddress = _fake.BaseAddress,
            TimeProvider = Clock,
            JitterSource = () => 0.5,
            LoggerFactory = Logs,
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }

        try
        {
            Directory.Delete(TempDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static RivyaClient NewClient(RivyaClientOptions options) => new(options);

    protected static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected string PathOf(string name) => Path.Combine(TempDir, name);

    /// <summary>A task that has succeeded on the fake (created, then read once), with no media request made yet.</summary>
    protected async Task<Generation> SucceededAsync()
    {
        var created = await Client.Generations.CreateAsync(TestRequests.Valid()).WaitAsync(Bound);
        var done = await Client.Generations.GetAsync(created.Id).WaitAsync(Bound);
        Fake.ClearRequests();
        return done;
    }

    protected string[] FilesLeft() => Directory.GetFiles(TempDir);
}

/// <summary>An <see cref="IProgress{T}"/> that records every report synchronously and can signal when one matches.</summary>
public sealed class RecordingProgress : IProgress<DownloadProgress>
{
    private readonly ConcurrentQueue<DownloadProgress> _reports = new();
    private readonly Func<DownloadProgress, bool>? _signalWhen;
    private readonly TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RecordingProgress(Func<DownloadProgress, bool>? signalWhen = null)
    {
        _signalWhen = signalWhen;
    }

    public DownloadProgress[] Reports => _reports.ToArray();

    /// <summary>Completes when a report matched the condition.</summary>
    public Task Signalled => _signal.Task;

    public void Report(DownloadProgress value)
    {
        _reports.Enqueue(value);
        if (_signalWhen?.Invoke(value) == true)
        {
            _signal.TrySetResult();
        }
    }
}
