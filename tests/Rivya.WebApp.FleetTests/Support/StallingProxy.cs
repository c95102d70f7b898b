using System.Net;
using System.Net.Sockets;

namespace Rivya.WebApp.FleetTests.Support;

/// <summary>
/// A loopback TCP relay to another port. Once <see cref="Stall"/> is called, requests still go through but no answer
/// comes back: a worker behind it is left holding its jobs mid-call (a create may already be made and charged),
/// which is the moment to kill it.
/// </summary>
internal sealed class StallingProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _targetPort;
    private volatile bool _stalled;

    public StallingProxy(Uri target)
    {
        _targetPort = target.Port;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public void Stall() => _stalled = true;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _released.TrySetResult();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                var up = PumpAsync(client.GetStream(), upstream.GetStream(), answers: false);
                var down = PumpAsync(upstream.GetStream(), client.GetStream(), answers: true);
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // One side closed (a killed worker, the fake stopping): the relay ends with it.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool answers)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            if (answers && _stalled)
            {
                await _released.Task; // held until the proxy is disposed
                return;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }
}
