using System;
using System.Net;
using System.Net.Http;

namespace Rivya.Sdk.Http;

/// <summary>
/// The primary handler of the SDK's own <see cref="HttpClient"/> and of the one <c>AddRivyaClient</c> registers: a
/// connection cap (<see cref="RivyaClientOptions.MaxConnectionsPerServer"/>), so thousands of concurrent waits share
/// a bounded pool instead of opening one socket each; HTTP/2 where the server offers it (several connections allowed,
/// so the cap does not throttle streams); DNS refresh on long-lived clients; no compression asked for; a result
/// download's connections judged on the address connected (<c>ConnectGate</c>, net8.0 and later); and the two rules
/// of <see cref="ApplyRules"/>, which also go on a primary handler the SDK does not build (a DI host's, a caller's own).
/// </summary>
internal static class RivyaHttpHandler
{
    public static HttpMessageHandler Create(RivyaClientOptions options)
    {
        // Invalid options are reported by the validator (ArgumentException), which runs after the handler is made.
        var cap = Math.Max(1, options.MaxConnectionsPerServer);
#if NET8_0_OR_GREATER
        var handler = new SocketsHttpHandler
        {
            // Long-lived clients must still notice DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // No Accept-Encoding: Rivya's JSON answers are a few KB, and a result download must get the stored bytes so
            // a Range resume counts in them. It also saves the ~590 B per call the decompression layer costs
            // (GenerationBenchmarks, create: 4.37 KB -> see bench/README.md).
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = cap,
            EnableMultipleHttp2Connections = true,
            ConnectCallback = ConnectGate.ConnectAsync,
        };
#else
        var handler = new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = cap,
        };
#endif
        ApplyRules(handler);
        return handler;
    }

    /// <summary>
    /// No redirect is followed (it would re-send a create's body and headers to wherever it points;
    /// <see cref="RedirectRule"/>), and no cookie is kept or sent (a cookie one origin set would ride to the other: the
    /// API's to a result host on the same name, a CDN's on the next authenticated API call).
    /// </summary>
    public static void ApplyRules(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case HttpClientHandler clientHandler:
                clientHandler.AllowAutoRedirect = false;
                clientHandler.UseCookies = false;
                break;
#if NET8_0_OR_GREATER
            case SocketsHttpHandler socketsHandler:
                socketsHandler.AllowAutoRedirect = false;
                socketsHandler.UseCookies = false;
                break;
#else
            default:
                // The netstandard2.0 build running on .NET 5+ gets a SocketsHttpHandler it cannot name at compile time.
                TurnOff(handler, nameof(HttpClientHandler.AllowAutoRedirect));
                TurnOff(handler, nameof(HttpClientHandler.UseCookies));
                break;
#endif
        }
    }

#if !NET8_0_OR_GREATER
    private static void TurnOff(HttpMessageHandler handler, string name)
    {
        var property = handler.GetType().GetProperty(name);
        if (property is { CanWrite: true } && property.PropertyType == typeof(bool))
        {
            property.SetValue(handler, false);
        }
    }
#endif
}
