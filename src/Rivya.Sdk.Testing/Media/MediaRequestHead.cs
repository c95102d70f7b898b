using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Testing.Media;

/// <summary>
/// The request line and headers of one download request, read from the raw socket within a 16 KiB cap (a longer head,
/// or a connection closed before the blank line, reads as no request).
/// </summary>
internal sealed class MediaRequestHead
{
    private const int MaxHeaderBytes = 16 * 1024;

    private MediaRequestHead(string method, string path, Dictionary<string, string> headers)
    {
        Method = method;
        Path = path;
        Headers = headers;
    }

    /// <summary>The method, upper case.</summary>
    public string Method { get; }

    /// <summary>The target without its query, still escaped.</summary>
    public string Path { get; }

    /// <summary>The headers, case-insensitive; repeated headers are joined with a comma.</summary>
    public Dictionary<string, string> Headers { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Reads up to the blank line that ends the head; null when the client sent none within the cap.</summary>
    public static async Task<MediaRequestHead?> ReadAsync(Socket socket, CancellationToken token)
    {
        var buffer = new byte[MaxHeaderBytes];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, token).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            filled += read;
            var end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return Parse(Encoding.ASCII.GetString(buffer, 0, end));
            }
        }

        return null;
    }

    private static MediaRequestHead? Parse(string text)
    {
        var lines = text.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3)
        {
            return null;
        }

        var target = parts[1];
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var key = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                headers[key] = headers.TryGetValue(key, out var existing) ? existing + "," + value : value;
            }
        }

        return new MediaRequestHead(parts[0].ToUpperInvariant(), query < 0 ? target : target[..query], headers);
    }
}
