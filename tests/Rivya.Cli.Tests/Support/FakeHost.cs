using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Rivya.Cli.Tests.Support;

/// <summary>
/// FakeRivyaHost in its own process: started with its options, its base address read from its first line, its
/// ledger read over HTTP (<c>GET /_fake/ledger</c>), stopped (killed) on dispose.
/// </summary>
internal sealed class FakeHost : IDisposable
{
    public const string ApiKey = "rvya_sk_fake_cli_tests_0123";

    private readonly Process _process;
    private readonly HttpClient _http = new();

    private FakeHost(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<FakeHost> StartAsync(double processingSeconds = 0.2)
    {
        var start = new ProcessStartInfo(Repo.Dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Repo.FakeHostDll, "--port", "0", "--api-key", ApiKey, "--processing-time", processingSeconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(Eventually.Bound);
        var second = await process.StandardOutput.ReadLineAsync().WaitAsync(Eventually.Bound);
        if (first is null || second != "api-key: " + ApiKey)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException($"FakeRivyaHost did not start: '{first}', '{second}'.");
        }

        return new FakeHost(process, new Uri(first));
    }

    /// <summary>The environment rivya runs in against this host (a short poll interval: the fake is quick).</summary>
    public (string, string?)[] Environment(bool withKey = true) =>
    [
        ("RIVYA_BASE_ADDRESS", BaseAddress.AbsoluteUri),
        ("RIVYA_API_KEY", withKey ? ApiKey : null),
        ("RIVYA_POLL_INTERVAL", "0.1"),
    ];

    public async Task<JsonObject> LedgerAsync() =>
        (JsonObject)JsonNode.Parse(await _http.GetStringAsync(new Uri(BaseAddress, "_fake/ledger")).WaitAsync(Eventually.Bound))!;

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        _http.Dispose();
    }
}
