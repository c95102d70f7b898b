using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Testing.Faults;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Rivya.Sdk.Testing.Server;

/// <summary>
/// Where the fake API listens: WireMock (with the connection-fault middleware in front) on a loopback port, every
/// request handed to one callback, and a stop that returns only once the port refuses connections. The only file of
/// the fake that knows how WireMock is started.
/// </summary>
internal sealed class WireMockListener : IDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WireMockServer _server;

    private WireMockListener(WireMockServer server, int port)
    {
        _server = server;
        BaseAddress = new Uri(FormattableString.Invariant($"http://127.0.0.1:{port}/"));
    }

    /// <summary>The listening address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts on <paramref name="requestedPort"/>, or on a free loopback port when it is 0.</summary>
    public static WireMockListener Start(int requestedPort)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = requestedPort != 0 ? requestedPort : FreeLoopbackPort();
            try
            {
                var server = WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [FormattableString.Invariant($"http://127.0.0.1:{port}")],
                    StartAdminInterface = false,
                    ReadStaticMappings = false,
                    Logger = new WireMockNullLogger(),
                    DisableJsonBodyParsing = true,
                    MaxRequestLogCount = 1,
                    DoNotSaveDynamicResponseInLogEntry = true,
                    PreWireMockMiddlewareInit = ConnectionFaults.Install,
                });
                return new WireMockListener(server, port);
            }
            catch (Exception) when (requestedPort == 0 && attempt < StartAttempts)
            {
                // Another process took the free port between the probe and the bind: try another one.
            }
        }
    }

    /// <summary>Answers every request, whatever its method and path, with <paramref name="handle"/>.</summary>
    public void Serve(Func<IRequestMessage, Task<IResponseMessage>> handle) =>
        _server
            .Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(handle));

    /// <summary>Stops listening; returns once the port refuses a connection (or after 5 seconds).</summary>
    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        WaitUntilPortIsClosed(BaseAddress.Port);
    }

    // WireMock's Stop can return while Kestrel is still shutting down (its host's own stop races it), so the port could
    // still accept a connection for a moment. Wait, for a bounded time, until it refuses: then a fake started next on
    // the same port binds, and a client of a disposed fake fails instead of being answered.
    private static void WaitUntilPortIsClosed(int port)
    {
        var deadline = DateTime.UtcNow + StopTimeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
            }
            catch (SocketException)
            {
                return;
            }

            Thread.Sleep(10);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
