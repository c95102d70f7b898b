using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Benchmarks.Server;

/// <summary>
/// A minimal HTTP/1.1 keep-alive server on a loopback socket that all three clients hit. It answers from pre-encoded
/// byte arrays and parses with spans over one buffer per connection, so in steady state it does the same, tiny work
/// for every client and allocates nothing per request: BenchmarkDotNet's allocation count is process-wide, and a
/// server that allocated would blur the clients' numbers (<see cref="LoopbackFloorBenchmarks"/> measures this).
/// </summary>
/// <remarks>
/// Routes: <c>POST /api/v1/generations</c> answers 201 with the documented create JSON;
/// <c>GET /api/v1/generations/{id}</c> answers 200 with the documented succeeded JSON; anything else 404.
/// Request bodies may come with <c>Content-Length</c> or chunked (Refit streams its JSON body chunked).
/// </remarks>
public sealed class LoopbackServer : IDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ServerResponses _responses;
    private readonly ConcurrentDictionary<Socket, byte> _connections = new();

    private LoopbackServer(ServerResponses responses)
    {
        _responses = responses;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        var port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    /// <summary>The address clients use, with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    public IPEndPoint EndPoint { get; }

    /// <summary>When set, the next requests are recorded (copied) here, for the setup's wire check only.</summary>
    public ConcurrentQueue<ParsedRequest>? Capture { get; set; }

    public static LoopbackServer Start(ServerResponses responses)
    {
        var server = new LoopbackServer(responses);
        _ = server.AcceptLoopAsync();
        return server;
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

    // One async method per connection, awaiting only socket ValueTasks: after the first suspension its state
    // machine is reused for every request on the connection.
    private async Task ServeAsync(Socket socket)
    {
        var buffer = new byte[16 * 1024];
        var start = 0;
        var end = 0;
        try
        {
            while (true)
            {
                if (HttpRequestParser.TryParse(buffer.AsSpan(start, end - start), out var consumed, out var request))
                {
                    Capture?.Enqueue(request.Copy(buffer.AsSpan(start, end - start)));
                    var response = _responses.For(request.Route);
                    start += consumed;
                    await socket.SendAsync(response, SocketFlags.None);
                    continue;
                }

                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
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
}
