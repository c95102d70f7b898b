using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Testing.Media;

/// <summary>
/// The fake's result host: a CDN-like HTTP/1.1 server on its own loopback port (so another origin than the API's),
/// serving <c>GET /results/{taskId}.mp4</c> for succeeded tasks with <c>Content-Length</c>, a strong <c>ETag</c>,
/// <c>Accept-Ranges: bytes</c>, single <c>Range</c> requests and <c>If-Range</c>, and the queued <see cref="MediaFault"/>s.
/// Raw sockets, not WireMock: a cut or a stall mid-body needs control of the connection. One request per connection.
/// </summary>
internal sealed class MediaHost : IDisposable
{
    public const string PathPrefix = "/results/";
    private const int MaxHeaderBytes = 16 * 1024;
    private const int ChunkSize = 64 * 1024;

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<string, bool> _hasSucceeded;
    private readonly string _apiKey;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<MediaFault> _faults = new();
    private readonly ConcurrentDictionary<Socket, byte> _connections = new();
    private readonly object _gate = new();
    private readonly List<FakeRequest> _requests = [];
    private MediaContent _content = MediaContent.Of(MediaContent.TinyMp4);
    private long _bytesServed;

    public MediaHost(Func<string, bool> hasSucceeded, string apiKey, TimeProvider time)
    {
        _hasSucceeded = hasSucceeded;
        _apiKey = apiKey;
        _time = time;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        var port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        BaseAddress = new Uri(FormattableString.Invariant($"http://127.0.0.1:{port}/"));
        _ = AcceptLoopAsync();
    }

    public Uri BaseAddress { get; }

    public long BytesServed => Interlocked.Read(ref _bytesServed);

    public int PendingFaults => _faults.Count;

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    public string ResultUrl(string taskId) => BaseAddress.AbsoluteUri.TrimEnd('/') + PathPrefix + Uri.EscapeDataString(taskId) + ".mp4";

    public void SetContent(byte[] bytes) => Volatile.Write(ref _content, MediaContent.Of(bytes));

    public void Enqueue(MediaFault fault) => _faults.Enqueue(fault);

    public void ClearFaults() => _faults.Clear();

    public void ClearRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
        }

        Interlocked.Exchange(ref _bytesServed, 0);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var socket = await _listener.AcceptAsync(token).ConfigureAwait(false);
                _connections.TryAdd(socket, 0);
                _ = ServeAsync(socket, token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken token)
    {
        try
        {
            if (await ReadHeadAsync(socket, token).ConfigureAwait(false) is { } head)
            {
                await AnswerAsync(socket, head, token).ConfigureAwait(false);
            }

            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client went away or the host is stopping.
        }
        finally
        {
            _connections.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    private async Task AnswerAsync(Socket socket, RequestHead head, CancellationToken token)
    {
        Record(head);
        var content = Volatile.Read(ref _content);
        var name = head.Path.StartsWith(PathPrefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(head.Path[PathPrefix.Length..]) : null;
        if (head.Method != "GET" || name is null || !name.EndsWith(".mp4", StringComparison.Ordinal) || !_hasSucceeded(name[..^4]))
        {
            await SendStatusAsync(socket, 404, "Not Found", token).ConfigureAwait(false);
            return;
        }

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

        var start = range?.Start ?? 0;
        var count = range?.Length ?? length;
        var builder = new StringBuilder(256);
        builder.Append(range is null ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 206 Partial Content\r\n");
        builder.Append("Content-Type: video/mp4\r\n");
        builder.Append("Content-Length: ").Append(count.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        if (range is { } r)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Content-Range: bytes {r.Start}-{r.End}/{length}\r\n");
        }

        if (fault is not { Kind: MediaFaultKind.IgnoreRange })
        {
            builder.Append("Accept-Ranges: bytes\r\n");
        }

        builder.Append("ETag: ").Append(content.ETag).Append("\r\nConnection: close\r\n\r\n");
        await SendAsync(socket, builder.ToString(), token).ConfigureAwait(false);

        var limit = fault is { Kind: MediaFaultKind.Cut or MediaFaultKind.Stall } ? Math.Min(fault.AfterBytes, count) : count;
        await SendBodyAsync(socket, content.Bytes, start, limit, token).ConfigureAwait(false);
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

    private static async Task<RequestHead?> ReadHeadAsync(Socket socket, CancellationToken token)
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
                return RequestHead.Parse(Encoding.ASCII.GetString(buffer, 0, end));
            }
        }

        return null;
    }

    private void Record(RequestHead head)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hasKey = false;
        foreach (var header in head.Headers)
        {
            if (string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                hasKey = header.Value == "Bearer " + _apiKey;
                headers[header.Key] = FakeRequest.RedactedAuthorization;
                continue;
            }

            headers[header.Key] = header.Value;
        }

        var request = new FakeRequest(head.Method, head.Path, headers, [], hasKey, _time.GetUtcNow());
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    private sealed class RequestHead
    {
        private RequestHead(string method, string path, Dictionary<string, string> headers)
        {
            Method = method;
            Path = path;
            Headers = headers;
        }

        public string Method { get; }

        public string Path { get; }

        public Dictionary<string, string> Headers { get; }

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public static RequestHead? Parse(string text)
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

            return new RequestHead(parts[0].ToUpperInvariant(), query < 0 ? target : target[..query], headers);
        }
    }
}
