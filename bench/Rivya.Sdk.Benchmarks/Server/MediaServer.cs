using System;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Benchmarks.Server;

/// <summary>
/// A keep-alive HTTP/1.1 result host on a loopback socket for the download benchmark: <c>GET /media/{bytes}</c>
/// answers that many bytes with a <c>Content-Length</c> and a strong <c>ETag</c>. The body is sent from one shared
/// 256 KiB pattern, over and over, so a 256 MiB answer holds no more than that in memory, and the server allocates
/// nothing per request once a size's header is cached.
/// </summary>
public sealed class MediaServer : IDisposable
{
    private static readonly byte[] Pattern = MakePattern(256 * 1024);

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, byte> _connections = new();
    private readonly ConcurrentDictionary<long, byte[]> _headers = new();

    private MediaServer()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}/");
    }

    public Uri BaseAddress { get; }

    public static MediaServer Start()
    {
        var server = new MediaServer();
        _ = server.AcceptLoopAsync();
        return server;
    }

    public Uri UrlFor(long bytes) => new(BaseAddress, "media/" + bytes);

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
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptAsync(_stop.Token);
                socket.NoDelay = true;
                _connections.TryAdd(socket, 0);
                _ = ServeAsync(socket);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var buffer = new byte[16 * 1024];
        var end = 0;
        try
        {
            while (true)
            {
                var headEnd = buffer.AsSpan(0, end).IndexOf("\r\n\r\n"u8);
                if (headEnd >= 0)
                {
                    var size = ParseSize(buffer.AsSpan(0, headEnd));
                    var consumed = headEnd + 4;
                    buffer.AsSpan(consumed, end - consumed).CopyTo(buffer);
                    end -= consumed;
                    await socket.SendAsync(_headers.GetOrAdd(size, Header), SocketFlags.None);
                    for (var sent = 0L; sent < size;)
                    {
                        var chunk = (int)Math.Min(Pattern.Length, size - sent);
                        sent += await socket.SendAsync(Pattern.AsMemory(0, chunk), SocketFlags.None);
                    }

                    continue;
                }

                if (end == buffer.Length)
                {
                    return;
                }

                var read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None);
                if (read == 0)
                {
                    return;
                }

                end += read;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client closed the connection, or the server stopped.
        }
        finally
        {
            _connections.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    // "GET /media/1048576 HTTP/1.1": the size is the digits after the last slash of the target.
    private static long ParseSize(ReadOnlySpan<byte> head)
    {
        var eol = head.IndexOf("\r\n"u8);
        var line = eol >= 0 ? head[..eol] : head;
        var target = line[(line.IndexOf((byte)' ') + 1)..];
        target = target[..target.IndexOf((byte)' ')];
        var digits = target[(target.LastIndexOf((byte)'/') + 1)..];
        return Utf8Parser.TryParse(digits, out long size, out _) ? size : 0;
    }

    private static byte[] Header(long size) => Encoding.ASCII.GetBytes(
        $"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: {size}\r\nETag: \"bench-{size}\"\r\nAccept-Ranges: bytes\r\n\r\n");

    private static byte[] MakePattern(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
