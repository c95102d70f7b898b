using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Rivya.Sdk.DependencyInjection;

/// <summary>
/// The registration's one <see cref="RivyaClient"/>, renewed once per <c>IHttpClientFactory</c> handler lifetime
/// (default 2 minutes), so a resolve in every request scope costs a field read instead of a new pipeline.
/// </summary>
/// <remarks>
/// A typed client is transient: each resolve used to build the retry pipeline, the user agent, the logger and the
/// sub-clients again (some 9 KB per request scope). The client is thread-safe, so one per handler lifetime is enough;
/// taking a fresh <see cref="HttpClient"/> from the factory when the lifetime passes keeps the factory's handler
/// rotation (DNS changes are still noticed), and the factory's own handlers and <c>ConfigureHttpClient</c> actions
/// still apply.
/// </remarks>
internal sealed class RivyaClientSource
{
    private readonly IHttpClientFactory _factory;
    private readonly IOptions<RivyaClientOptions> _options;
    private readonly IOptionsMonitor<HttpClientFactoryOptions> _factoryOptions;
    private readonly object _gate = new();
    private Entry? _current;

    public RivyaClientSource(IHttpClientFactory factory, IOptions<RivyaClientOptions> options, IOptionsMonitor<HttpClientFactoryOptions> factoryOptions)
    {
        _factory = factory;
        _options = options;
        _factoryOptions = factoryOptions;
    }

    /// <summary>The client to hand out now.</summary>
    public RivyaClient Current
    {
        get
        {
            var entry = Volatile.Read(ref _current);
            return entry is not null && !entry.IsExpired() ? entry.Client : Renew();
        }
    }

    private RivyaClient Renew()
    {
        lock (_gate)
        {
            var entry = _current;
            if (entry is null || entry.IsExpired())
            {
                var options = _options.Value;
                var httpClient = _factory.CreateClient(Microsoft.Extensions.DependencyInjection.RivyaServiceCollectionExtensions.HttpClientName);
                var lifetime = _factoryOptions.Get(Microsoft.Extensions.DependencyInjection.RivyaServiceCollectionExtensions.HttpClientName).HandlerLifetime;
                entry = new Entry(new RivyaClient(httpClient, options), options.TimeProvider, lifetime);
                Volatile.Write(ref _current, entry);
            }

            return entry.Client;
        }
    }

    private sealed class Entry
    {
        private readonly TimeProvider _clock;
        private readonly long _started;
        private readonly TimeSpan _lifetime;

        public Entry(RivyaClient client, TimeProvider clock, TimeSpan lifetime)
        {
            Client = client;
            _clock = clock;
            _lifetime = lifetime;
            _started = clock.GetTimestamp();
        }

        public RivyaClient Client { get; }

        // The old client is not disposed: calls in flight keep using it, and the factory retires its handler once
        // nothing references it any more.
        public bool IsExpired() => _lifetime != Timeout.InfiniteTimeSpan && _clock.GetElapsedTime(_started) >= _lifetime;
    }
}
