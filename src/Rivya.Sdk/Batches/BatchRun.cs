using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Http;
using Rivya.Sdk.Waiting;

namespace Rivya.Sdk.Batches;

/// <summary>
/// One run of <c>CreateAndWaitManyAsync</c>: <see cref="BatchOptions.MaxConcurrency"/> workers each take the next
/// item, create it and wait for it, and hand its <see cref="BatchItemResult"/> to the enumeration as soon as it ends.
/// A worker never throws for an item: its failure goes into the result. Cancellation stops new items; the items already
/// sent are reported (with their task id when known) and the enumeration then ends.
/// </summary>
internal sealed class BatchRun : IDisposable
{
    private readonly IGenerationCalls _client;
    private readonly IReadOnlyList<GenerationRequest> _requests;
    private readonly BatchOptions _options;
    private readonly WaitOptions _wait;
    private readonly BatchCalls _calls;
    private readonly TimeProvider _time;
    private readonly Func<double>? _jitter;
    private readonly ConcurrentQueue<BatchItemResult?> _results = new();
    private readonly SemaphoreSlim _ready = new(0);
    private int _next = -1;
    private ExceptionDispatchInfo? _unexpected;

    public BatchRun(IGenerationCalls client, IReadOnlyList<GenerationRequest> requests, BatchOptions options, WaitOptions wait, BatchCalls calls, TimeProvider time, Func<double>? jitter)
    {
        _client = client;
        _requests = requests;
        _options = options;
        _wait = wait;
        _calls = calls;
        _time = time;
        _jitter = jitter;
    }

    public async IAsyncEnumerable<BatchItemResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var workerCount = Math.Min(_options.MaxConcurrency, _requests.Count);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = new Task[workerCount];
        for (var i = 0; i < workerCount; i++)
        {
            workers[i] = WorkAsync(stop.Token);
        }

        try
        {
            var finished = 0;
            while (finished < workerCount)
            {
                // Not the caller's token: after a cancellation the items already sent must still be reported.
                await _ready.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                _results.TryDequeue(out var result);
                if (result is null)
                {
                    finished++;
                    continue;
                }

                yield return result;
            }

            _unexpected?.Throw();
        }
        finally
        {
            // The caller may stop enumerating early: stop the workers and let them end before the run is gone.
            stop.Cancel();
            await Task.WhenAll(workers).ConfigureAwait(false);
            Dispose();
        }
    }

    /// <summary>Frees the results signal; called when the enumeration ends.</summary>
    public void Dispose() => _ready.Dispose();

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested && _unexpected is null)
            {
                var index = Interlocked.Increment(ref _next);
                if (index >= _requests.Count)
                {
                    break;
                }

                if (await RunItemAsync(index, cancellationToken).ConfigureAwait(false) is { } result)
                {
                    _results.Enqueue(result);
                    _ready.Release();
                }
            }
        }
#pragma warning disable CA1031 // A bug (a throwing key selector, say) must reach the caller through the enumeration, not vanish in a worker.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Interlocked.CompareExchange(ref _unexpected, ExceptionDispatchInfo.Capture(exception), null);
        }
        finally
        {
            _results.Enqueue(null);
            _ready.Release();
        }
    }

    private async Task<BatchItemResult?> RunItemAsync(int index, CancellationToken cancellationToken)
    {
        var request = _requests[index];
        var key = BatchKeys.For(request, index, _options.IdempotencyKeySelector, _options.RunId);
        Generation? seen = null;
        var sent = false;
        try
        {
            var createOptions = new RequestOptions { IdempotencyKey = key, MaxRetries = 0 };
            sent = true;
            seen = await _calls.RunAsync(token => _client.CreateAsync(request, createOptions, token), cancellationToken, CancellationToken.None).ConfigureAwait(false);
            await foreach (var generation in GenerationPoller.ChangesAsync(ReadAsync, seen.Id, _wait, _time, _jitter, seen, cancellationToken).ConfigureAwait(false))
            {
                seen = generation;
            }

            (_client.Pipeline?.Metrics ?? RivyaMetrics.Shared).RecordGeneration(seen.Status);
            return seen.Status == GenerationStatus.Failed
                ? new BatchItemResult(index, request, key, seen, new RivyaGenerationFailedException(seen, _client.Pipeline?.ApiKey).WithHandles(seen.Id, key))
                : new BatchItemResult(index, request, key, seen, null);
        }
        catch (RivyaException exception)
        {
            return new BatchItemResult(index, request, key, seen, exception.WithHandles(seen?.Id, key));
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            return sent ? new BatchItemResult(index, request, key, seen, new RivyaBatchCanceledException(seen?.Id, key, exception)) : null;
        }
    }

    private Task<Generation> ReadAsync(string id, CancellationToken cancellationToken) =>
        _calls.RunAsync(token => _client.GetAsync(id, BatchPolls.Options, token), cancellationToken);
}
