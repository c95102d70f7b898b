using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Tests.Support;

/// <summary>How <see cref="DroppingServer"/> drops a connection.</summary>
public enum DropMode
{
    /// <summary>Closes without sending a byte. SocketsHttpHandler itself re-sends such a request (up to 3 times).</summary>
    BeforeAnswer,

    /// <summary>Sends part of the status line and headers, then closes: the client sees the answer break off.</summary>
    MidHeaders,

    /// <summary>Sends the headers and half the body, then closes.</summary>
    MidBody,
}

/// <summary>
/// A bare loopback HTTP/1.1 server that drops the first <c>dropCount</c> requests (WireMock's faults cannot: they
/// still answer), then answers every later request with a fixed JSON body. Only for body-less requests (GET).
/// </summary>
public sealed class DroppingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _dropCount;
    private readonly DropMode _mode;
    private readonly string _json;
    private int _requests;

    public DroppingServer(int dropCount, DropMode mode, string json)
    {
        _dropCount = dropCount;
        _mode = mode;
        _json = json;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptLoopAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>Requests read so far, dropped ones included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadHeadersAsync(stream);
                var index = Interlocked.Increment(ref _requests);
                var body = Encoding.UTF8.GetBytes(_json);
                var head = Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                if (index > _dropCount)
                {
                    await stream.WriteAsync(head, _stop.Token);
                    await stream.WriteAsync(body, _stop.Token);
                    return;
                }

                switch (_mode)
                {
                    case DropMode.MidHeaders:
                        await stream.WriteAsync(head.AsMemory(0, head.Length / 2), _stop.Token);
                        break;
                    case DropMode.MidBody:
                        await stream.WriteAsync(head, _stop.Token);
                        await stream.WriteAsync(body.AsMemory(0, body.Length / 2), _stop.Token);
                        break;
                }

                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException or System.IO.IOException)
            {
                // The test is over or the client went away.
            }
        }
    }

    private async Task ReadHeadersAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                throw new System.IO.IOException("The client closed the connection before the request ended.");
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }
}
