using System;
using System.Net;
using System.Net.Http;

namespace Rivya.Sdk.Http;

/// <summary>
/// The primary handler of the SDK's own <see cref="HttpClient"/> and of the one <c>AddRivyaClient</c> registers: a
/// connection cap (<see cref="RivyaClientOptions.MaxConnectionsPerServer"/>), so thousands of concurrent waits share
/// a bounded pool instead of opening one socket each; HTTP/2 where the server offers it (several connections allowed,
/// so the cap does not throttle streams); DNS refresh on long-lived clients; redirects never followed; no compression
/// asked for; no cookies kept or sent (a cookie one origin set would ride to the other: API to CDN, CDN to API); a
/// result download's connections judged on the address connected (<c>ConnectGate</c>, net8.0 and later).
/// </summary>
internal static class RivyaHttpHandler
{
    public static HttpMessageHandler Create(RivyaClientOptions options)
    {
        // Invalid options are reported by the validator (ArgumentException), which runs after the handler is made.
        var cap = Math.Max(1, options.MaxConnectionsPerServer);
#if NET8_0_OR_GREATER
        return new SocketsHttpHandler
        {
            // Long-lived clients must still notice DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // No Accept-Encoding: Rivya's JSON answers are a few KB, and a result download must get the stored bytes so
            // a Range resume counts in them. It also saves the ~590 B per call the decompression layer costs
            // (GenerationBenchmarks, create: 4.37 KB -> see bench/README.md).
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = cap,
            EnableMultipleHttp2Connections = true,
            // A redirect would re-send a create's body and headers wherever it points: a 3xx is an error instead.
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = ConnectGate.ConnectAsync,
        };
#else
        return new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = cap,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
#endif
    }
}
