using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Rivya.Sdk.Common;
using Rivya.Sdk.Generations;
using Rivya.Sdk.Http;
using Rivya.Sdk.Waiting;

namespace Rivya.Sdk.Batches;

/// <summary>
/// One run of <c>CreateAndWaitManyAsync</c>: one rate-limit gate for the whole batch (a hook of the client's retry
/// loop), the opt-in balance pre-flight, then <see cref="BatchOptions.MaxConcurrency"/> workers that each take the
/// next item, create it and wait for it, and hand its <see cref="BatchItemResult"/> to the enumeration as soon as it
/// ends. A worker never throws for an item: its failure (validation, key, create, wait) goes into the result.
/// Cancellation stops new items and every poll at once; a create already sent has <see cref="CreateGrace"/> to bring
/// its task id back; the items already sent are reported (with their task id when known) and the enumeration then ends.
/// </summary>
internal sealed class BatchRunner : IDisposable
{
    /// <summary>
    /// How long a create already sent when the batch stops may go on (on the client's clock) to bring back its task
    /// id; then it is abandoned and its item reported with its key, whatever the per-attempt <c>Timeout</c> is.
    /// </summary>
    public static readonly TimeSpan CreateGrace = TimeSpan.FromSeconds(2);

    private readonly IGenerationCalls _client;
    private readonly List<GenerationRequest> _requests;
    private readonly BatchOptions _options;
    private readonly WaitOptions _wait;
    private readonly BatchRateGate _gate;
    private readonly TimeProvider _time;
    private readonly Func<double>? _jitter;
    private readonly ConcurrentQueue<BatchItemResult?> _results = new();
    private readonly SemaphoreSlim _ready = new(0);

    // The token of every create: cancelled CreateGrace after the run is stopped, not at once.
    private readonly CancellationTokenSource _creates = new();
    private int _next = -1;
    private ExceptionDispatchInfo? _unexpected;

    private BatchRunner(IGenerationCalls client, List<GenerationRequest> requests, BatchOptions options, WaitOptions wait)
    {
        _client = client;
        _requests = requests;
        _options = options;
        _wait = wait;
        var pipeline = client.Pipeline;
        _time = pipeline?.Options.TimeProvider ?? TimeProvider.System;
        _jitter = pipeline?.Options.JitterSource;
        _gate = new BatchRateGate(_time, pipeline?.Logger ?? NullLogger.Instance, pipeline?.Metrics ?? RivyaMetrics.Shared);
    }

    /// <summary>Checks what can be checked at the call (not at the first <c>MoveNextAsync</c>) and starts the run.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> holds a null.</exception>
    public static IAsyncEnumerable<BatchItemResult> Start(
        IGenerationCalls calls,
        Func<CancellationToken, Task<CreditBalance>> readBalance,
        IEnumerable<GenerationRequest> requests,
        BatchOptions? options,
        CancellationToken cancellationToken)
    {
        options ??= new BatchOptions();
        var wait = GenerationWaiter.CheckOptions(calls, options.Wait, nameof(options));
        var list = new List<GenerationRequest>(requests);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(nameof(requests), $"Item {i} of the batch is null.");
            }
        }

        return new BatchRunner(calls, list, options, wait).RunAsync(readBalance, cancellationToken);
    }

    private async IAsyncEnumerable<BatchItemResult> RunAsync(
        Func<CancellationToken, Task<CreditBalance>> readBalance,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_client.Pipeline is { HasApiKey: false })
        {
            throw MissingApiKey.Exception();
        }

        if (_options.CheckBalanceFirst)
        {
            await CheckBalanceAsync(readBalance, cancellationToken).ConfigureAwait(false);
        }

        var workerCount = Math.Min(_options.MaxConcurrency, _requests.Count);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var grace = stop.Token.Register(static run => _ = ((BatchRunner)run!).CancelCreatesAfterGraceAsync(), this);
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
            // The caller may stop enumerating early: stop the workers (a create in flight gets its grace) and let them
            // end before the run is gone. A run that ended by itself starts no grace.
            if (Array.Exists(workers, static worker => !worker.IsCompleted))
            {
                stop.Cancel();
            }

            await Task.WhenAll(workers).ConfigureAwait(false);
            Dispose();
        }
    }

    /// <summary>Frees the results signal and the creates' token; called when the enumeration ends.</summary>
    public void Dispose()
    {
        _ready.Dispose();
        _creates.Dispose();
    }

    /// <summary>
    /// The opt-in pre-flight: one balance read (behind the batch's gate; in its own method, so the gate's scope ends
    /// with it), compared with the sum of the items' estimates, before any create.
    /// </summary>
    /// <exception cref="RivyaBatchBudgetException">The estimate is above the balance.</exception>
    private async Task CheckBalanceAsync(Func<CancellationToken, Task<CreditBalance>> readBalance, CancellationToken cancellationToken)
    {
        var estimate = _requests.EstimateCredits();
        AttemptGates.Enter(_gate);
        var balance = await readBalance(cancellationToken).ConfigureAwait(false);
        if (estimate.Credits > balance.CurrentCredits)
        {
            throw new RivyaBatchBudgetException(estimate.Credits, balance.CurrentCredits, estimate.UnknownCount);
        }
    }

    private async Task CancelCreatesAfterGraceAsync()
    {
        await Delays.SleepAsync(_time, CreateGrace, CancellationToken.None).ConfigureAwait(false);
        try
        {
            _creates.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Every create ended (and the run with them) within the grace.
        }
    }

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
            key = BatchKeys.For(request, index, _options.IdempotencyKeySelector, _options.RunId);
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
            seen = await _client.CreateAsync(request, new RequestOptions { IdempotencyKey = key }, _creates.Token).ConfigureAwait(false);

            await foreach (var generation in GenerationPoller.ChangesAsync(_client.GetAsync, seen.Id, _wait, _time, _jitter, seen, cancellationToken).ConfigureAwait(false))
            {
                seen = generation;
            }

            (_client.Pipeline?.Metrics ?? RivyaMetrics.Shared).RecordGeneration(seen.Status);
            return seen.Status == GenerationStatus.Failed
                ? new BatchItemResult(index, request, key, seen, new RivyaGenerationFailedException(seen, _client.Pipeline?.ApiKey).WithHandles(seen.Id, key))
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
