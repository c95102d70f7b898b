using System;
using System.Net;
using System.Net.Sockets;

namespace Rivya.Sdk.Tests.Support;

public static class Loopback
{
    /// <summary>An http address on 127.0.0.1 where nothing listens: connecting is refused at once.</summary>
    public static Uri ClosedAddress()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
