using Rivya.Sdk;
using Rivya.Sdk.Testing;

namespace Rivya.Samples;

/// <summary>
/// Where a sample runs. With <c>RIVYA_API_KEY</c> set: against rivya.ai, with the SDK's default settings (this spends
/// credits). Without it: against a <see cref="FakeRivyaServer"/> started in this process on a loopback port, so the
/// sample runs offline, in seconds, for free.
/// </summary>
internal sealed class SampleEnvironment : IAsyncDisposable
{
    // The fake finishes a task after a couple of polls, so polling it every 200 ms ends a wait in about half a second.
    // Against rivya.ai keep the defaults (first poll after 2.5 s, then 5 s growing to 15 s): a video takes minutes.
    private static readonly WaitOptions FakeWaitOptions = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(200),
        PollInterval = TimeSpan.FromMilliseconds(200),
        PollIntervalMultiplier = 1,
        Timeout = TimeSpan.FromMinutes(1),
    };

    private readonly CancellationTokenSource _stopping = new();

    private SampleEnvironment(FakeRivyaServer? fake)
    {
        Fake = fake;
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>The local fake, or null when running against rivya.ai.</summary>
    public FakeRivyaServer? Fake { get; }

    /// <summary>True when the sample talks to the local fake.</summary>
    public bool IsFake => Fake is not null;

    /// <summary>Cancelled on Ctrl+C: waits end at once (the task goes on server-side).</summary>
    public CancellationToken CancellationToken => _stopping.Token;

    /// <summary>The client settings for this environment: the fake's address and key, or the defaults (the key from RIVYA_API_KEY).</summary>
    public RivyaClientOptions ClientOptions =>
        Fake is null ? new RivyaClientOptions() : new RivyaClientOptions { ApiKey = Fake.ApiKey, BaseAddress = Fake.BaseAddress };

    /// <summary>How to wait: fast polling against the fake, the SDK's defaults against rivya.ai. Add Progress with <c>with</c>.</summary>
    public WaitOptions WaitOptions => IsFake ? FakeWaitOptions : new WaitOptions();

    /// <summary>
    /// Chooses the environment from <c>RIVYA_API_KEY</c> and says which one on the first line of output.
    /// </summary>
    public static SampleEnvironment Start()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RivyaClientOptions.ApiKeyEnvironmentVariable)))
        {
            Console.WriteLine($"RIVYA_API_KEY is set: running against {RivyaClientOptions.DefaultBaseAddress}; this spends credits.");
            return new SampleEnvironment(fake: null);
        }

        var fake = FakeRivyaServer.Start();
        Console.WriteLine($"RIVYA_API_KEY is not set: running against a local fake Rivya at {fake.BaseAddress}; no credits are spent.");
        return new SampleEnvironment(fake);
    }

    /// <summary>A client for this environment.</summary>
    public RivyaClient CreateClient() => new(ClientOptions);

    /// <summary>
    /// Configuration keys that point a <c>services.AddRivyaClient(configuration.GetSection(section))</c> registration at
    /// the fake (its address and key); none when running against rivya.ai.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>> ConfigurationOverrides(string section) =>
        Fake is null
            ? []
            : [new($"{section}:BaseAddress", Fake.BaseAddress.ToString()), new($"{section}:ApiKey", Fake.ApiKey)];

    /// <summary>Prints why the sample failed and answers its exit code: 130 after Ctrl+C, 1 otherwise.</summary>
    /// <remarks>The SDK's messages already say what went wrong and what to do (the task id to resume, the request id to quote).</remarks>
    public static int Fail(Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled. A task already created goes on server-side.");
            return 130;
        }

        Console.Error.WriteLine($"Failed: {exception.Message}");
        return 1;
    }

    public async ValueTask DisposeAsync()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _stopping.Dispose();
        if (Fake is not null)
        {
            await Fake.DisposeAsync();
        }
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        // Let the program end its wait and print why, rather than being killed mid-write.
        e.Cancel = true;
        _stopping.Cancel();
    }
}
