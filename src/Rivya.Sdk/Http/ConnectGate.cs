#if NET8_0_OR_GREATER
using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Http;

/// <summary>
/// The SDK handler's <see cref="SocketsHttpHandler.ConnectCallback"/>: a request marked with a <see cref="TargetPolicy"/>
/// (a result download) connects only to an address the policy allows, judged on the address itself, so a name that
/// resolves (or re-resolves, DNS rebinding) to 127.0.0.1 or 169.254.169.254 is refused. Other requests connect as the
/// handler would by default. Through a proxy the proxy's address is the one connected: it is the caller's
/// configuration, not the CDN's choice, and is not judged.
/// </summary>
internal static class ConnectGate
{
    public static readonly HttpRequestOptionsKey<TargetPolicy> PolicyKey = new("Rivya.Sdk.TargetPolicy");

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var request = context.InitialRequestMessage;
        if (!request.Options.TryGetValue(PolicyKey, out var policy) || request.RequestUri is not { } target
            || !string.Equals(target.IdnHost, endpoint.Host, StringComparison.OrdinalIgnoreCase))
        {
            return await ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
        }

        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        Exception? failure = null;
        foreach (var address in addresses)
        {
            if (policy.Refuses(address, target.Scheme))
            {
                continue;
            }

            try
            {
                return await ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                failure = e;
            }
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        // HttpClient wraps this in an HttpRequestException; the download unwraps it (DownloadAttempt).
        throw policy.Refusal(target.Scheme == Uri.UriSchemeHttps ? TargetPolicy.NoPrivate : TargetPolicy.HttpsOnly, target);
    }

    private static async ValueTask<Stream> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken)
    {
        var socket = endpoint is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.NoDelay = true;
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
#endif
