using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>A loopback server that answers every request with <c>302 Found</c> to one <c>Location</c>, and counts the requests that carried <c>Authorization</c>.</summary>
internal sealed class Redirector : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _location;
    private int _withAuthorization;

    public Redirector(string location)
    {
        _location = location;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/moved.mp4");
        _ = ServeAsync();
    }

    public Uri Address { get; }

    public int WithAuthorization => Volatile.Read(ref _withAuthorization);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var head = new StringBuilder();
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                if (head.ToString().Contains("\r\nAuthorization:", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref _withAuthorization);
                }

                var answer = Encoding.ASCII.GetBytes($"HTTP/1.1 302 Found\r\nLocation: {_location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(answer, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or System.IO.IOException)
        {
            // Stopped.
        }
    }
}
