using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
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

    public RivyaClientSource(IServiceProvider provider, string optionsName, string httpClientName)
    {
        var clientOptions = provider.GetRequiredService<IOptionsMonitor<RivyaClientOptions>>().Get(optionsName);
        var named = provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(httpClientName);
        var handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>();
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

/// <summary>
/// The bottom of the one <see cref="HttpClient"/> a registration's shared <see cref="RivyaClient"/> uses: each request
/// goes to the handler chain <c>IHttpMessageHandlerFactory</c> builds for the named client (its handlers, its
/// primary handler), fetched again once per handler lifetime so the factory's rotation (and DNS changes) still apply.
/// </summary>
internal sealed class FactoryHandler(IHttpMessageHandlerFactory factory, string name, TimeSpan lifetime, TimeProvider clock)
    : HttpMessageHandler
{
    private readonly object _gate = new();
    private Current? _current;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is null || IsExpired(current))
        {
            current = Renew();
        }

        // Returned, not awaited: no extra async layer per call.
        return current.Invoker.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        // The factory owns its handlers and retires them itself once nothing references them.
        _current = null;
        base.Dispose(disposing);
    }

    private bool IsExpired(Current current) =>
        lifetime != Timeout.InfiniteTimeSpan && clock.GetElapsedTime(current.Started) >= lifetime;

    private Current Renew()
    {
        lock (_gate)
        {
            var current = _current;
            if (current is null || IsExpired(current))
            {
                current = new Current(new HttpMessageInvoker(factory.CreateHandler(name), disposeHandler: false), clock.GetTimestamp());
                Volatile.Write(ref _current, current);
            }

            return current;
        }
    }

    private sealed record Current(HttpMessageInvoker Invoker, long Started);
}
