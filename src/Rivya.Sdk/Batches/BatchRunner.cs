using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Rivya.Sdk.Common;
using Rivya.Sdk.Waiting;

namespace Rivya.Sdk.Batches;

/// <summary>
/// <c>CreateAndWaitManyAsync</c> after its arguments were checked: one rate-limit gate for the whole batch (a hook of
/// the client's retry loop), the opt-in balance pre-flight, then the <see cref="BatchRun"/> that yields each item as it ends.
/// </summary>
internal static class BatchRunner
{
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

        return RunAsync(calls, readBalance, list, options, wait, cancellationToken);
    }

    private static async IAsyncEnumerable<BatchItemResult> RunAsync(
        IGenerationCalls calls,
        Func<CancellationToken, Task<CreditBalance>> readBalance,
        List<GenerationRequest> requests,
        BatchOptions options,
        WaitOptions wait,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pipeline = calls.Pipeline;
        if (pipeline is { HasApiKey: false })
        {
            throw MissingApiKey.Exception();
        }

        var time = pipeline?.Options.TimeProvider ?? TimeProvider.System;
        var gate = new BatchRateGate(time, pipeline?.Logger ?? NullLogger.Instance);
        if (options.CheckBalanceFirst)
        {
            await BatchPreflight.CheckAsync(requests, gate, readBalance, cancellationToken).ConfigureAwait(false);
        }

        using var run = new BatchRun(calls, requests, options, wait, gate, time, pipeline?.Options.JitterSource);
        await foreach (var result in run.RunAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }
}
