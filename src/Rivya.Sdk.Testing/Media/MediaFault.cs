using System;
using System.Net;

namespace Rivya.Sdk.Testing;

/// <summary>
/// A fault the fake's result host (<see cref="FakeRivyaServer.MediaBaseAddress"/>) answers one download request with,
/// queued by <see cref="FakeRivyaServer.InjectMediaFaults"/>: a connection cut after some bytes, a stall, an error
/// status, or a server that ignores <c>Range</c>.
/// </summary>
public sealed class MediaFault
{
    private MediaFault(MediaFaultKind kind, long afterBytes, HttpStatusCode status, byte[]? replacement)
    {
        Kind = kind;
        AfterBytes = afterBytes;
        Status = status;
        Replacement = replacement;
    }

    /// <summary>What the fault does.</summary>
    public MediaFaultKind Kind { get; }

    /// <summary>For a cut or a stall: how many body bytes are sent first.</summary>
    public long AfterBytes { get; }

    /// <summary>For <see cref="MediaFaultKind.Status"/>: the status answered.</summary>
    public HttpStatusCode Status { get; }

    internal byte[]? Replacement { get; }

    /// <summary>Sends the headers and <paramref name="bytes"/> body bytes, then closes the connection mid-body.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative.</exception>
    public static MediaFault CutAfter(long bytes) => new(MediaFaultKind.Cut, NotNegative(bytes), 0, null);

    /// <summary>
    /// Like <see cref="CutAfter"/>, and from then on the result is <paramref name="newContent"/> (with a new <c>ETag</c>):
    /// the file changed on the server between two attempts.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="newContent"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative.</exception>
    public static MediaFault CutAndReplace(long bytes, byte[] newContent)
    {
        ArgumentNullException.ThrowIfNull(newContent);
        return new(MediaFaultKind.Cut, NotNegative(bytes), 0, newContent);
    }

    /// <summary>Sends the headers and <paramref name="bytes"/> body bytes, then sends nothing more until the client gives up.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative.</exception>
    public static MediaFault StallAfter(long bytes) => new(MediaFaultKind.Stall, NotNegative(bytes), 0, null);

    /// <summary>Answers <paramref name="status"/> (e.g. 403, 404, 410 for an expired URL, 503) with a short text body.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not 400 to 599.</exception>
    public static MediaFault WithStatus(HttpStatusCode status) =>
        (int)status is < 400 or > 599
            ? throw new ArgumentOutOfRangeException(nameof(status), status, "A media fault's status must be 400 to 599.")
            : new(MediaFaultKind.Status, 0, status, null);

    /// <summary>Answers the whole file with 200, as a server without <c>Range</c> support does.</summary>
    public static MediaFault IgnoreRange() => new(MediaFaultKind.IgnoreRange, 0, 0, null);

    /// <summary>The fault, for test output.</summary>
    public override string ToString() => Kind switch
    {
        MediaFaultKind.Status => $"Status {(int)Status}",
        MediaFaultKind.IgnoreRange => "IgnoreRange",
        _ => $"{Kind} after {AfterBytes} bytes",
    };

    private static long NotNegative(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return bytes;
    }
}
