using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Tests.Support;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>What the soak's result host did to one request.</summary>
public enum SoakFault
{
    Honest,
    Cut,
    Reset,
    Status503,
    Stall,
    ETagFlip,
    RangeIgnored,
}

/// <summary>
/// The soak's hostile result host, on a raw loopback socket: serves one download at a time from a list of versions
/// (it may switch to a new one mid-download), with a validator mode per download (strong ETag, Last-Modified only, or
/// none) and a seeded fault per request. A flipped version answers a resume with a 206 of the new bytes whatever
/// <c>If-Range</c> said, as the splicing CDN of issue 19 did. A stall advances the test clock until the client hangs up.
/// </summary>
public sealed class SoakCdn : IDisposable
{
    private readonly TestClock _clock;
    private readonly HostileServer _server;
    private readonly object _gate = new();
    private Random _random = new(0);
    private int _mode;
    private bool _flipped;
    private int _requestsSeen;

    public SoakCdn(TestClock clock)
    {
        _clock = clock;
        _server = new HostileServer(AnswerAsync);
    }

    public Uri Address => new(_server.BaseAddress, "media/v.mp4");

    /// <summary>Every version served to the current download.</summary>
    public List<byte[]> Versions { get; } = [];

    public Dictionary<SoakFault, int> Faults { get; } = Enum.GetValues<SoakFault>().ToDictionary(f => f, _ => 0);

    public int Requests { get; private set; }

    /// <summary>What was answered to each request of the current download, for a failure's message.</summary>
    public List<string> Log { get; } = [];

    /// <summary>Starts download <paramref name="index"/>: a fresh first version and validator mode, seeded by the index.</summary>
    public void Begin(int index)
    {
        lock (_gate)
        {
            _random = new Random(7919 * (index + 1));
            _mode = _random.Next(5) switch { < 3 => 0, 3 => 1, _ => 2 };
            _flipped = false;
            Versions.Clear();
            Log.Clear();
            Versions.Add(NewVersion());
        }
    }

    public void Dispose() => _server.Dispose();

    private byte[] NewVersion()
    {
        var bytes = new byte[_random.Next(8 * 1024, 64 * 1024)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string Validator(int version) => _mode switch
    {
        0 => "ETag: \"v" + version.ToString(CultureInfo.InvariantCulture) + "\"",
        1 => "Last-Modified: " + new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero).AddHours(version).ToString("r", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    private async Task AnswerAsync(RawRequest request, Stream stream, CancellationToken ct)
    {
        SoakFault fault;
        byte[] body;
        int version;
        int cut;
        lock (_gate)
        {
            Requests++;
            Volatile.Write(ref _requestsSeen, Requests);
            var roll = _random.Next(100);
            fault = roll switch { < 52 => SoakFault.Honest, < 60 => SoakFault.Cut, < 67 => SoakFault.Reset, < 75 => SoakFault.Status503, < 82 => SoakFault.Stall, < 90 => SoakFault.ETagFlip, _ => SoakFault.RangeIgnored };
            Faults[fault]++;
            if (fault == SoakFault.ETagFlip)
            {
                Versions.Add(NewVersion());
                _flipped = true;
            }

            version = Versions.Count - 1;
            body = Versions[version];
            cut = _random.Next(1, body.Length);
        }

        if (fault == SoakFault.Status503)
        {
            await CdnAnswer.WriteAsync(stream, "503 Service Unavailable", "Retry-After: 1", ReadOnlyMemory<byte>.Empty, null, ct);
            return;
        }

        var validator = Validator(version);
        var from = CdnAnswer.RangeStart(request);
        var ifRanges = request.Values("If-Range");
        var ifRange = ifRanges.Count > 0 ? ifRanges[0] : null;
        var honestRange = from is not null && ifRange is not null && validator.EndsWith(ifRange, StringComparison.Ordinal);
        var partial = from is { } start && start < body.Length && fault != SoakFault.RangeIgnored && (honestRange || _flipped);
        var offset = partial ? (int)from!.Value : 0;
        var headers = partial ? Join(validator, $"Content-Range: bytes {offset}-{body.Length - 1}/{body.Length}") : validator;
        var payload = body.AsMemory(offset);
        var stop = fault is SoakFault.Cut or SoakFault.Reset or SoakFault.Stall ? Math.Min(cut, payload.Length - 1) : (int?)null;
        lock (_gate)
        {
            Log.Add($"{fault} v{version} len {body.Length} range {from} if-range {ifRange} -> {(partial ? 206 : 200)} from {offset} stop {stop}");
        }

        if (fault == SoakFault.Reset)
        {
            await WriteHeadAndSome(stream, partial, headers, payload, stop!.Value, ct);
            ((NetworkStream)stream).Socket.LingerState = new LingerOption(true, 0);
            stream.Dispose();
            return;
        }

        if (fault == SoakFault.Stall)
        {
            await WriteHeadAndSome(stream, partial, headers, payload, stop!.Value, ct);
            await StallUntilHungUpAsync(stream, ct);
            return;
        }

        await CdnAnswer.WriteAsync(stream, partial ? "206 Partial Content" : "200 OK", headers, payload, stop, ct);
    }

    private static async Task WriteHeadAndSome(Stream stream, bool partial, string headers, ReadOnlyMemory<byte> payload, int count, CancellationToken ct)
    {
        var head = "HTTP/1.1 " + (partial ? "206 Partial Content" : "200 OK") + "\r\n" + (headers.Length > 0 ? headers + "\r\n" : string.Empty)
            + "Content-Length: " + payload.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.Latin1.GetBytes(head), ct);
        await stream.WriteAsync(payload[..count], ct);
        await stream.FlushAsync(ct);
    }

    // The client's idle watch runs on the test clock: move it past the idle timeout until the client gives up on the
    // connection (its read ends), however late the client reads the bytes already sent. The pauses between moves let
    // the client read first and hang up, so a move never lands on its next attempt (which would stall that one too
    // and make the counts vary from run to run); they bound no schedule.
    private async Task StallUntilHungUpAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[1];
        var hungUp = stream.ReadAsync(buffer, ct).AsTask();
        int mine;
        lock (_gate)
        {
            mine = Requests;
        }

        await Task.WhenAny(hungUp, Task.Delay(50, ct));
        while (!hungUp.IsCompleted && Volatile.Read(ref _requestsSeen) == mine)
        {
            _clock.Advance(TimeSpan.FromSeconds(31));
            await Task.WhenAny(hungUp, Task.Delay(200, ct));
        }

        await hungUp.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : a + "\r\n" + b;
}
