using System;
using System.Net.Http;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Rivya.Sdk.DependencyInjection;

/// <summary>
/// The registration's one <see cref="RivyaClient"/>, built once and shared by every scope, so a resolve in each request
/// scope costs nothing instead of a new pipeline.
/// </summary>
/// <remarks>
/// A typed client is transient: each resolve used to build the retry pipeline, the user agent, the logger and the
/// sub-clients again (some 9 KB per request scope). The client is thread-safe, so one is enough. Its
/// <see cref="HttpClient"/> is built as <c>IHttpClientFactory.CreateClient</c> would (the factory's
/// <c>ConfigureHttpClient</c> actions applied) over a <see cref="FactoryHandler"/>, which takes the factory's handler
/// chain afresh once per handler lifetime: the handlers added with <c>AddHttpMessageHandler</c>, the primary handler
/// and the rotation all still apply. Disposed with the container. One per registration: the unnamed one, and one per
/// name (a keyed service).
/// </remarks>
internal sealed class RivyaClientSource : IDisposable
{
    private readonly HttpClient _http;

    public RivyaClientSource(
        IHttpMessageHandlerFactory handlers,
        IOptionsMonitor<HttpClientFactoryOptions> factoryOptions,
        IOptionsMonitor<RivyaClientOptions> options,
        string optionsName,
        string httpClientName)
    {
        var clientOptions = options.Get(optionsName);
        var named = factoryOptions.Get(httpClientName);
        _http = new HttpClient(new FactoryHandler(handlers, httpClientName, named.HandlerLifetime, clientOptions.TimeProvider), disposeHandler: true);
        foreach (var configure in named.HttpClientActions)
        {
            configure(_http);
        }

        Client = new RivyaClient(_http, clientOptions);
    }

    public RivyaClient Client { get; }

    public void Dispose() => _http.Dispose();
}
