using System;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Http;
using Rivya.Sdk.Waiting;

namespace Rivya.Sdk.Batches;

/// <summary>
/// Runs each create and poll of a batch through the batch's <see cref="BatchRateGate"/>. The calls are sent with the
/// client's own retries off, so a 429 reaches this class instead of sleeping inside one call: it pauses the whole
/// batch and the call is repeated (a create with the same <c>Idempotency-Key</c>). Other transient failures are
/// retried here like the client would (<see cref="RivyaClientOptions.MaxRetries"/>, backoff with jitter).
/// </summary>
internal sealed class BatchCalls
{
    /// <summary>Consecutive 429s one call accepts before it reports the last one: a server that never lets up ends the item.</summary>
    public const int MaxRateLimitPauses = 20;

    private readonly BatchRateGate _gate;
    private readonly TimeProvider _time;
    private readonly int _maxRetries;
    private readonly TimeSpan _maxRetryAfter;
    private readonly Func<double> _jitter;

    public BatchCalls(BatchRateGate gate, TimeProvider time, int maxRetries, TimeSpan maxRetryAfter, Func<double> jitter)
    {
        _gate = gate;
        _time = time;
        _maxRetries = maxRetries;
        _maxRetryAfter = maxRetryAfter;
        _jitter = jitter;
    }

    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        RunAsync(call, cancellationToken, cancellationToken);

    /// <param name="call">The call, given <paramref name="callToken"/>.</param>
    /// <param name="cancellationToken">Cancels the waits between attempts (a pause, a backoff).</param>
    /// <param name="callToken">Cancels an attempt in flight. A create passes none: once sent, its answer (the task id) is
    /// worth the few milliseconds, so a cancelled batch can still report the task it made.</param>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, CancellationToken callToken)
    {
        var retries = 0;
        var rateLimited = 0;
        while (true)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            TimeSpan? backoff;
            try
            {
                return await call(callToken).ConfigureAwait(false);
            }
            catch (RivyaApiException exception) when ((int)exception.StatusCode == 429 && rateLimited < MaxRateLimitPauses && !(exception.RetryAfter > _maxRetryAfter))
            {
                _gate.Pause(exception.RetryAfter is { } after && after > TimeSpan.Zero ? after : RetryPolicy.Backoff(rateLimited, _jitter()));
                rateLimited++;
                continue;
            }
            catch (RivyaApiException exception) when ((int)exception.StatusCode != 429 && RetryPolicy.IsRetryableStatus(exception.StatusCode) && retries < _maxRetries && !(exception.RetryAfter > _maxRetryAfter))
            {
                backoff = exception.RetryAfter is { } after && after > TimeSpan.Zero ? after : RetryPolicy.Backoff(retries, _jitter());
            }
            catch (RivyaConnectionException) when (retries < _maxRetries)
            {
                backoff = RetryPolicy.Backoff(retries, _jitter());
            }

            retries++;
            _gate.Metrics.RecordRetry("batch");
            await WaitClock.Delay(_time, backoff.Value, cancellationToken).ConfigureAwait(false);
        }
    }
}
