using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.DependencyInjection;

/// <summary>
/// The bottom of the one <see cref="HttpClient"/> a registration's shared <see cref="RivyaClient"/> uses: each request
/// goes to the handler chain <c>IHttpMessageHandlerFactory</c> builds for the named client (its handlers, its
/// primary handler), fetched again once per handler lifetime so the factory's rotation (and DNS changes) still apply.
/// </summary>
internal sealed class FactoryHandler : HttpMessageHandler
{
    private readonly IHttpMessageHandlerFactory _factory;
    private readonly string _name;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private Current? _current;

    public FactoryHandler(IHttpMessageHandlerFactory factory, string name, TimeSpan lifetime, TimeProvider clock)
    {
        _factory = factory;
        _name = name;
        _lifetime = lifetime;
        _clock = clock;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is null || current.IsExpired(_clock, _lifetime))
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

    private Current Renew()
    {
        lock (_gate)
        {
            var current = _current;
            if (current is null || current.IsExpired(_clock, _lifetime))
            {
                current = new Current(new HttpMessageInvoker(_factory.CreateHandler(_name), disposeHandler: false), _clock.GetTimestamp());
                Volatile.Write(ref _current, current);
            }

            return current;
        }
    }

    private sealed class Current
    {
        private readonly long _started;

        public Current(HttpMessageInvoker invoker, long started)
        {
            Invoker = invoker;
            _started = started;
        }

        public HttpMessageInvoker Invoker { get; }

        public bool IsExpired(TimeProvider clock, TimeSpan lifetime) =>
            lifetime != Timeout.InfiniteTimeSpan && clock.GetElapsedTime(_started) >= lifetime;
    }
}
