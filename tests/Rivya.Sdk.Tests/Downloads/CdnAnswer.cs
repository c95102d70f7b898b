using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>Raw answers of a scripted result host (a <see cref="Support.HostileServer"/>): a head, a body, and a cut.</summary>
internal static class CdnAnswer
{
    /// <summary>
    /// Writes <paramref name="status"/> (e.g. <c>206 Partial Content</c>), <paramref name="headers"/> (CRLF-separated, may
    /// be empty), a <c>Content-Length</c> of <paramref name="body"/>, then the body; with <paramref name="cutAfter"/>, only
    /// that many bytes of it before the connection is closed.
    /// </summary>
    public static async Task WriteAsync(Stream stream, string status, string headers, ReadOnlyMemory<byte> body, int? cutAfter, CancellationToken cancellationToken)
    {
        var head = "HTTP/1.1 " + status + "\r\n" + (headers.Length > 0 ? headers + "\r\n" : string.Empty) + "Content-Length: " + body.Length + "\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head), cancellationToken);
        await stream.WriteAsync(cutAfter is { } cut ? body[..cut] : body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        if (cutAfter is not null)
        {
            stream.Dispose();
        }
    }

    /// <summary>The start of a <c>Range: bytes=N-</c> request, or null when the request asked for the whole file.</summary>
    public static long? RangeStart(Support.RawRequest request)
    {
        foreach (var value in request.Values("Range"))
        {
            if (value.StartsWith("bytes=", StringComparison.Ordinal) && value.EndsWith('-'))
            {
                return long.Parse(value["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
