using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Generations;
using Rivya.Sdk.Http;
using Rivya.Sdk.Waiting;

namespace Rivya.Sdk.Batches;

/// <summary>
/// One run of <c>CreateAndWaitManyAsync</c>: <see cref="BatchOptions.MaxConcurrency"/> workers each take the next
/// item, create it and wait for it, and hand its <see cref="BatchItemResult"/> to the enumeration as soon as it ends.
/// A worker never throws for an item: its failure (validation, key, create, wait) goes into the result. Cancellation
/// stops new items and every poll at once; a create already sent has <see cref="CreateGrace.Grace"/> to bring its task
/// id back; the items already sent are reported (with their task id when known) and the enumeration then ends.
/// </summary>
internal sealed class BatchRun : IDisposable
{
    private readonly IGenerationCalls _client;
    private readonly IReadOnlyList<GenerationRequest> _requests;
    private readonly BatchOptions _options;
    private readonly WaitOptions _wait;
    private readonly BatchRateGate _gate;
    private readonly TimeProvider _time;
    private readonly Func<double>? _jitter;
    private readonly ConcurrentQueue<BatchItemResult?> _results = new();
    private readonly SemaphoreSlim _ready = new(0);
    private int _next = -1;
    private ExceptionDispatchInfo? _unexpected;

    public BatchRun(IGenerationCalls client, IReadOnlyList<GenerationRequest> requests, BatchOptions options, WaitOptions wait, BatchRateGate gate, TimeProvider time, Func<double>? jitter)
    {
        _client = client;
        _requests = requests;
        _options = options;
        _wait = wait;
        _gate = gate;
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
        // Every call this worker makes, through the client's one retry loop, passes the batch's gate.
        AttemptGates.Enter(_gate);
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
#pragma warning disable CA1031 // A bug must reach the caller through the enumeration, not vanish in a worker.
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
        string key;
        try
        {
            // Validated before the key: the derived key reads the request's JSON, which a bad request may not have.
            RivyaValidationException.ThrowIfAny(RequestValidator.Validate(request));
            key = BatchKeys.For(request, index, _options.IdempotencyKeySelector);
        }
        catch (RivyaValidationException exception)
        {
            return new BatchItemResult(index, request, string.Empty, null, exception);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        Generation? seen = null;
        try
        {
            using (var grace = new CreateGrace(_time, cancellationToken))
            {
                seen = await _client.CreateAsync(request, new RequestOptions { IdempotencyKey = key }, grace.Token).ConfigureAwait(false);
            }

            await foreach (var generation in GenerationPoller.ChangesAsync(_client.GetAsync, seen.Id, _wait, _time, _jitter, seen, cancellationToken).ConfigureAwait(false))
            {
                seen = generation;
            }

            RivyaMetrics.RecordGeneration(seen.Status);
            return seen.Status == GenerationStatus.Failed
                ? new BatchItemResult(index, request, key, seen, new RivyaGenerationFailedException(seen).WithHandles(seen.Id, key))
                : new BatchItemResult(index, request, key, seen, null);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            return new BatchItemResult(index, request, key, seen, new RivyaBatchCanceledException(seen?.Id, key, exception));
        }
        catch (RivyaException exception)
        {
            return new BatchItemResult(index, request, key, seen, exception.WithHandles(seen?.Id, key));
        }
    }
}
