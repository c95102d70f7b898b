using System.Net.Http;

namespace Rivya.Sdk.Http;

/// <summary>
/// What the SDK sets on a primary handler it configures (the DI one, a caller's own included), the same two rules its
/// own handler is built with (<see cref="RivyaHttpHandler"/>): no redirect is followed (it would re-send a create's
/// body and headers to wherever it points; <see cref="RedirectRule"/>), and no cookie is kept or sent (one the API set
/// would reach a result host on the same name, and one a CDN set would ride on the next authenticated API call).
/// </summary>
internal static class PrimaryHandlerRules
{
    public static void Apply(HttpMessageHandler handler)
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
