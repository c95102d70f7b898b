using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Testing.Media;

/// <summary>
/// What the result host answers to one request: 404 for anything but <c>GET /results/{taskId}.mp4</c> of a succeeded
/// task; else the next queued <see cref="MediaFault"/> if there is one, a 416 for a range past the end, or the
/// content (200, or 206 for a single <c>Range</c> honoured by <c>If-Range</c>) with <c>Content-Length</c> and a
/// strong <c>ETag</c>. Owns the content, the fault queue and the count of body bytes sent.
/// </summary>
internal sealed class MediaResponder
{
    public const string PathPrefix = "/results/";
    private const int ChunkSize = 64 * 1024;

    private readonly Func<string, bool> _hasSucceeded;
    private readonly bool _distinct;
    private readonly ConcurrentDictionary<string, MediaContent> _tagged = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<MediaFault> _faults = new();
    private MediaContent _content = MediaContent.Of(MediaContent.TinyMp4);
    private long _bytesServed;

    public MediaResponder(Func<string, bool> hasSucceeded, bool distinct)
    {
        _hasSucceeded = hasSucceeded;
        _distinct = distinct;
    }

    public long BytesServed => Interlocked.Read(ref _bytesServed);

    public void ResetBytesServed() => Interlocked.Exchange(ref _bytesServed, 0);

    public void SetContent(byte[] bytes) => Volatile.Write(ref _content, MediaContent.Of(bytes));

    public void Enqueue(MediaFault fault) => _faults.Enqueue(fault);

    /// <summary>What task <paramref name="taskId"/>'s result serves now: the content, tagged with the id when results are distinct.</summary>
    public MediaContent ContentFor(string taskId)
    {
        var content = Volatile.Read(ref _content);
        if (!_distinct)
        {
            return content;
        }

        // One tagged copy per task and content version, so its ETag stays put between a download and its resume.
        return _tagged.AddOrUpdate(
            taskId,
            static (id, c) => c.Tagged(id),
            static (id, old, c) => ReferenceEquals(old.Source, c) ? old : c.Tagged(id),
            content);
    }

    public void ClearFaults() => _faults.Clear();

    public async Task AnswerAsync(Socket socket, MediaRequestHead head, CancellationToken token)
    {
        var name = head.Path.StartsWith(PathPrefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(head.Path[PathPrefix.Length..]) : null;
        if (head.Method != "GET" || name is null || !name.EndsWith(".mp4", StringComparison.Ordinal) || !_hasSucceeded(name[..^4]))
        {
            await SendStatusAsync(socket, 404, "Not Found", token).ConfigureAwait(false);
            return;
        }

        var content = ContentFor(name[..^4]);
        _faults.TryDequeue(out var fault);
        if (fault is { Kind: MediaFaultKind.Status })
        {
            await SendStatusAsync(socket, (int)fault.Status, fault.Status.ToString(), token).ConfigureAwait(false);
            return;
        }

        var length = (long)content.Bytes.Length;
        MediaRange? range = null;
        var unsatisfiable = false;
        var ifRange = head.Header("If-Range");
        if (fault is not { Kind: MediaFaultKind.IgnoreRange } && (ifRange is null || ifRange == content.ETag))
        {
            range = MediaRange.Parse(head.Header("Range"), length, out unsatisfiable);
        }

        if (unsatisfiable)
        {
            await SendAsync(socket, $"HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */{length}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token).ConfigureAwait(false);
            return;
        }

        var count = range?.Length ?? length;
        await SendAsync(socket, ContentHead(content, range, count, length, acceptRanges: fault is not { Kind: MediaFaultKind.IgnoreRange }), token).ConfigureAwait(false);

        var limit = fault is { Kind: MediaFaultKind.Cut or MediaFaultKind.Stall } ? Math.Min(fault.AfterBytes, count) : count;
        await SendBodyAsync(socket, content.Bytes, range?.Start ?? 0, limit, token).ConfigureAwait(false);
        if (fault is { Kind: MediaFaultKind.Cut })
        {
            if (fault.Replacement is { } replacement)
            {
                SetContent(replacement);
            }

            // Returning closes the connection short of Content-Length: the client sees the body end early.
        }
        else if (fault is { Kind: MediaFaultKind.Stall })
        {
            // Hold the connection open, sending nothing, until the client gives up (it closes: a read of 0) or the host stops.
            var probe = new byte[1];
            while (await socket.ReceiveAsync(probe, SocketFlags.None, token).ConfigureAwait(false) > 0)
            {
            }
        }
    }

    private static string ContentHead(MediaContent content, MediaRange? range, long count, long length, bool acceptRanges)
    {
        var builder = new StringBuilder(256);
        builder.Append(range is null ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 206 Partial Content\r\n");
        builder.Append("Content-Type: video/mp4\r\n");
        builder.Append("Content-Length: ").Append(count.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        if (range is { } r)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Content-Range: bytes {r.Start}-{r.End}/{length}\r\n");
        }

        if (acceptRanges)
        {
            builder.Append("Accept-Ranges: bytes\r\n");
        }

        builder.Append("ETag: ").Append(content.ETag).Append("\r\nConnection: close\r\n\r\n");
        return builder.ToString();
    }

    private async Task SendBodyAsync(Socket socket, byte[] bytes, long start, long count, CancellationToken token)
    {
        var offset = start;
        var end = start + count;
        while (offset < end)
        {
            var chunk = (int)Math.Min(ChunkSize, end - offset);
            var sent = await socket.SendAsync(bytes.AsMemory((int)offset, chunk), SocketFlags.None, token).ConfigureAwait(false);
            offset += sent;
            Interlocked.Add(ref _bytesServed, sent);
        }
    }

    private static async Task SendStatusAsync(Socket socket, int status, string reason, CancellationToken token)
    {
        var body = $"{status} {reason}";
        await SendAsync(socket, $"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain\r\nContent-Length: {Encoding.ASCII.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}", token).ConfigureAwait(false);
    }

    private static async Task SendAsync(Socket socket, string text, CancellationToken token)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var offset = 0;
        while (offset < bytes.Length)
        {
            offset += await socket.SendAsync(bytes.AsMemory(offset), SocketFlags.None, token).ConfigureAwait(false);
        }
    }
}
