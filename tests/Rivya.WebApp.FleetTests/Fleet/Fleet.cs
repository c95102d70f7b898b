using Rivya.WebApp.FleetTests.Support;

namespace Rivya.WebApp.FleetTests.Fleet;

/// <summary>
/// Real processes on one throwaway PostgreSQL: the fake Rivya (FakeRivyaHost), a worker that reaches it through a
/// <see cref="StallingProxy"/> (the one to kill), a worker that reaches it directly, and a web process.
/// </summary>
internal sealed class Fleet : IDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);
    private readonly List<ChildProcess> _processes = [];

    private Fleet(string connectionString, string videosPath)
    {
        ConnectionString = connectionString;
        VideosPath = videosPath;
    }

    public string ConnectionString { get; }

    public string VideosPath { get; }

    /// <summary>How long Hangfire waits for a silent worker's job before another worker may take it (sliding).</summary>
    public static TimeSpan InvisibilityTimeout { get; } = TimeSpan.FromSeconds(6);

    public Uri FakeAddress { get; private set; } = null!;

    public StallingProxy Proxy { get; private set; } = null!;

    public ChildProcess Victim { get; private set; } = null!;

    public ChildProcess Survivor { get; private set; } = null!;

    public Uri WebAddress { get; private set; } = null!;

    public static async Task<Fleet> StartAsync(string connectionString, double processingSeconds)
    {
        var fleet = new Fleet(connectionString, Directory.CreateTempSubdirectory("rivya-fleet-").FullName);
        try
        {
            await fleet.StartProcessesAsync(processingSeconds);
            return fleet;
        }
        catch
        {
            fleet.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        Proxy?.Dispose();
        if (Directory.Exists(VideosPath))
        {
            Directory.Delete(VideosPath, recursive: true);
        }
    }

    /// <summary>Every process's output, for a failure's message.</summary>
    public string Outputs() => string.Join("\n", _processes.Select(p => $"----- {p.Name} -----\n{p.Output}"));

    private async Task StartProcessesAsync(double processingSeconds)
    {
        const string key = "rvya_sk_fleet_0123456789abcdef";
        var fake = Track(ChildProcess.Start(
            "fake", RepoPaths.SampleDll("FakeRivyaHost"), ["--port", "0", "--processing-time", processingSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--api-key", key]));
        FakeAddress = new Uri(await fake.LineAsync(l => l.StartsWith("http://", StringComparison.Ordinal), StartBound));
        Proxy = new StallingProxy(FakeAddress);

        // One process first: it creates Hangfire's schema. Processes that all start on an empty database race to
        // create it (Hangfire.PostgreSql retries, but says so with an error in the log).
        Survivor = StartWebApp("worker-survivor", "worker", FakeAddress, key);
        await Listening(Survivor);
        Victim = StartWebApp("worker-victim", "worker", Proxy.BaseAddress, key);
        var web = StartWebApp("web", "web", FakeAddress, key);
        await Listening(Victim);
        WebAddress = new Uri(ListeningAddress(await Listening(web)));
    }

    private ChildProcess StartWebApp(string name, string role, Uri rivya, string key) => Track(ChildProcess.Start(
        name,
        RepoPaths.SampleDll("WebApp"),
        ["--role", role, "--urls", "http://127.0.0.1:0"],
        new Dictionary<string, string>
        {
            ["ConnectionStrings__Hangfire"] = ConnectionString,
            ["Rivya__ApiKey"] = key,
            ["Rivya__BaseAddress"] = rivya.ToString(),
            ["Videos__Path"] = VideosPath,
            ["Videos__PollInterval"] = "00:00:00.500",
            ["Hangfire__InvisibilityTimeout"] = InvisibilityTimeout.ToString(),
            ["Hangfire__QueuePollInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
        }));

    private ChildProcess Track(ChildProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private static Task<string> Listening(ChildProcess process) =>
        process.LineAsync(l => l.StartsWith("WebApp (", StringComparison.Ordinal) && l.Contains(" listening on http://", StringComparison.Ordinal), StartBound);

    // "WebApp (web) listening on http://127.0.0.1:41234; storage: ..."
    private static string ListeningAddress(string line)
    {
        var start = line.IndexOf("http://", StringComparison.Ordinal);
        return line[start..line.IndexOfAny([';', ','], start)];
    }
}
