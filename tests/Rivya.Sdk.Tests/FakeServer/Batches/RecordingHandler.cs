using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Tests.Batches;

/// <summary>
/// Counts the HTTP calls in flight (for <see cref="IdleClock"/>) and records each exchange with its fake send time,
/// status and <c>Retry-After</c>.
/// </summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly TimeProvider _time;
    private int _inFlight;

    public RecordingHandler(TimeProvider time)
        : base(new SocketsHttpHandler())
    {
        _time = time;
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    public ConcurrentQueue<Exchange> Exchanges { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            var sentAt = _time.GetUtcNow();
            var response = await base.SendAsync(request, cancellationToken);
#if NET10_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(cancellationToken);
#else
            await response.Content.LoadIntoBufferAsync();
#endif
            Exchanges.Enqueue(new Exchange(request.Method.Method, request.RequestUri!.AbsolutePath, sentAt, (int)response.StatusCode, response.Headers.RetryAfter?.Delta));
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    internal sealed record Exchange(string Method, string Path, DateTimeOffset SentAt, int Status, TimeSpan? RetryAfter);
}
