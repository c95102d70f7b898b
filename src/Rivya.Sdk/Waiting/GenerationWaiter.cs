using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Waiting;

/// <summary>
/// The waits of <see cref="GenerationsClient"/>: create-then-wait with one key for both, wait until a terminal status,
/// and watch every status change. The schedule itself is <see cref="GenerationPoller"/>'s.
/// </summary>
internal static class GenerationWaiter
{
    private static readonly WaitOptions Defaults = new();

    /// <summary>
    /// <paramref name="options"/> over the client's default (each property the caller did not set comes from it), else
    /// the client's default, else the built-in defaults; checked.
    /// </summary>
    /// <exception cref="ArgumentException">The options do not fit together.</exception>
    public static WaitOptions CheckOptions(IGenerationCalls calls, WaitOptions? options, string paramName)
    {
        var clientDefault = calls.Pipeline?.Options.DefaultWaitOptions;
        options = options?.InheritFrom(clientDefault) ?? clientDefault ?? Defaults;
        options.Validate(paramName);
        return options;
    }

    public static async Task<Generation> CreateAndWaitAsync(IGenerationCalls calls, GenerationRequest request, WaitOptions waitOptions, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        // The key is fixed here, not inside CreateAsync, so that an exception of the wait can carry it too.
        var key = RequestOptions.KeyOf(requestOptions);
        var createOptions = requestOptions is null ? new RequestOptions { IdempotencyKey = key } : requestOptions with { IdempotencyKey = key };

        Generation created;
        try
        {
            created = await calls.CreateAsync(request, createOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (RivyaException exception) when (exception is not RivyaValidationException)
        {
            exception.WithHandles(null, key);
            throw;
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && exception is not RivyaOperationCanceledException { IdempotencyKey: not null })
        {
            throw new RivyaOperationCanceledException(null, key, cancellationToken, exception);
        }

        try
        {
            return await WaitAsync(calls, created.Id, waitOptions, created, cancellationToken).ConfigureAwait(false);
        }
        catch (RivyaException exception)
        {
            exception.WithHandles(created.Id, key);
            throw;
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new RivyaOperationCanceledException(created.Id, key, cancellationToken, exception);
        }
    }

    /// <summary>Polls until a terminal status; answers a succeeded task, throws for a failed one.</summary>
    public static async Task<Generation> WaitAsync(IGenerationCalls calls, string id, WaitOptions options, Generation? seen, CancellationToken cancellationToken)
    {
        var time = calls.Pipeline?.Options.TimeProvider ?? TimeProvider.System;
        var started = time.GetTimestamp();
        Generation last = null!;
        await foreach (var generation in Changes(calls, id, options, seen, cancellationToken).ConfigureAwait(false))
        {
            last = generation;
        }

        // The loop ends only after a terminal status, so last is set and terminal here.
        var metrics = calls.Pipeline?.Metrics ?? RivyaMetrics.Shared;
        metrics.RecordWait(started, time, last.Status);
        metrics.RecordGeneration(last.Status);
        return last.Status == GenerationStatus.Failed ? throw new RivyaGenerationFailedException(last, calls.Pipeline?.ApiKey) : last;
    }

    public static IAsyncEnumerable<Generation> WatchAsync(IGenerationCalls calls, string id, WaitOptions options, CancellationToken cancellationToken) =>
        Changes(calls, id, options, seen: null, cancellationToken);

    private static IAsyncEnumerable<Generation> Changes(IGenerationCalls calls, string id, WaitOptions options, Generation? seen, CancellationToken cancellationToken) =>
        GenerationPoller.ChangesAsync(
            calls.GetAsync,
            id,
            options,
            calls.Pipeline?.Options.TimeProvider ?? TimeProvider.System,
            calls.Pipeline?.Options.JitterSource,
            seen,
            cancellationToken);
}
