using System.Net.Http;

namespace Rivya.Sdk.Http;

/// <summary>
/// Sets <c>UseCookies = false</c> on a primary handler the SDK configures (the DI one, a caller's own included): a
/// cookie the API set would otherwise be sent to a result host on the same name, and one a CDN set would ride on the
/// next authenticated API call. The SDK's own handler is built without cookies (<see cref="RivyaHttpHandler"/>).
/// </summary>
internal static class NoCookies
{
    public static void TurnOff(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case HttpClientHandler clientHandler:
                clientHandler.UseCookies = false;
                break;
#if NET8_0_OR_GREATER
            case SocketsHttpHandler socketsHandler:
                socketsHandler.UseCookies = false;
                break;
#else
            default:
                // The netstandard2.0 build running on .NET 5+ gets a SocketsHttpHandler it cannot name at compile time.
                var property = handler.GetType().GetProperty(nameof(HttpClientHandler.UseCookies));
                if (property is { CanWrite: true } && property.PropertyType == typeof(bool))
                {
                    property.SetValue(handler, false);
                }

                break;
#endif
        }
    }
}
