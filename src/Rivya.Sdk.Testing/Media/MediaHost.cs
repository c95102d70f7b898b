using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Testing.Logging;

namespace Rivya.Sdk.Testing.Media;

/// <summary>
/// The fake's result host: a CDN-like HTTP/1.1 server on its own loopback port (so another origin than the API's).
/// This file is its listening and lifetime, one request per connection: read the head
/// (<see cref="MediaRequestHead"/>), record it (<see cref="MediaRequestLog"/>), answer it (<see cref="MediaResponder"/>).
/// Raw sockets, not WireMock: a cut or a stall mid-body needs control of the connection.
/// </summary>
internal sealed class MediaHost : IDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, byte> _connections = new();
    private readonly MediaRequestLog _log;
    private readonly MediaResponder _responder;

    public MediaHost(Func<string, bool> hasSucceeded, string apiKey, TimeProvider time, bool distinctResults)
    {
        _log = new MediaRequestLog(apiKey, time);
        _responder = new MediaResponder(hasSucceeded, distinctResults);
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        var port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        BaseAddress = new Uri(FormattableString.Invariant($"http://127.0.0.1:{port}/"));
        _ = AcceptLoopAsync();
    }

    public Uri BaseAddress { get; }

    public long BytesServed => _responder.BytesServed;

    public IReadOnlyList<FakeRequest> Requests => _log.Snapshot();

    public string ResultUrl(string taskId) => BaseAddress.AbsoluteUri.TrimEnd('/') + MediaResponder.PathPrefix + Uri.EscapeDataString(taskId) + ".mp4";

    /// <summary>The exact bytes task <paramref name="taskId"/>'s result URL serves now (when it has succeeded).</summary>
    public byte[] ContentFor(string taskId) => _responder.ContentFor(taskId).Bytes;

    public void SetContent(byte[] bytes) => _responder.SetContent(bytes);

    public void Enqueue(MediaFault fault) => _responder.Enqueue(fault);

    public void ClearFaults() => _responder.ClearFaults();

    /// <summary>Forgets the requests recorded and the count of bytes served.</summary>
    public void ClearRequests()
    {
        _log.Clear();
        _responder.ResetBytesServed();
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
            if (await MediaRequestHead.ReadAsync(socket, token).ConfigureAwait(false) is { } head)
            {
                _log.Add(head);
                await _responder.AnswerAsync(socket, head, token).ConfigureAwait(false);
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
}
