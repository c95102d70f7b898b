using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Rivya.Sdk.Batches;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>Many generations at once: bounded concurrency, one rate-limit budget, stable keys.</summary>
public partial class GenerationsClient
{
    private CreditsClient? _credits;

    /// <summary>
    /// Creates and waits for every request of <paramref name="requests"/>, at most <see cref="BatchOptions.MaxConcurrency"/>
    /// at a time, and yields each item's <see cref="BatchItemResult"/> as soon as it ends (completion order).
    /// </summary>
    /// <remarks>
    /// <para>An item's failure (validation, a failed generation, a wait timeout, an API error) is reported in its
    /// result's <see cref="BatchItemResult.Error"/>, never thrown out of the enumeration.</para>
    /// <para>One rate-limit budget: a 429 seen by any create or poll pauses every create and poll of the batch until
    /// its <c>Retry-After</c> has passed (logged once per pause), then the call is repeated.</para>
    /// <para>Each item's create carries a stable <c>Idempotency-Key</c> (see <see cref="BatchOptions.IdempotencyKeySelector"/>),
    /// so re-running the batch after a crash reaches the tasks already created instead of paying again.</para>
    /// <para>Cancelling <paramref name="cancellationToken"/> stops new items; every item already started is still
    /// yielded, with a <see cref="RivyaBatchCanceledException"/> carrying its task id (when known) and key, and the
    /// enumeration then ends without throwing.</para>
    /// </remarks>
    /// <param name="requests">The requests; read once, when the enumeration starts.</param>
    /// <param name="options">Concurrency, wait schedule, key selector and pre-flight; null for the defaults.</param>
    /// <param name="cancellationToken">Stops new submissions and ends the enumeration; tasks already created go on server-side.</param>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is null, or holds a null (thrown at the call).</exception>
    /// <exception cref="ArgumentException">The wait options do not fit together (thrown at the call).</exception>
    /// <exception cref="InvalidOperationException">No API key is configured; nothing was sent.</exception>
    /// <exception cref="RivyaBatchBudgetException">With <see cref="BatchOptions.CheckBalanceFirst"/>: the estimate is above the balance; nothing was sent.</exception>
    public virtual IAsyncEnumerable<BatchItemResult> CreateAndWaitManyAsync(
        IEnumerable<GenerationRequest> requests,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(requests);
        options ??= new BatchOptions();
        var wait = CheckWaitOptions(options.Wait, nameof(options));
        var list = new List<GenerationRequest>(requests);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(nameof(requests), $"Item {i} of the batch is null.");
            }
        }

        return RunBatchAsync(list, options, wait, cancellationToken);
    }

    private async IAsyncEnumerable<BatchItemResult> RunBatchAsync(
        List<GenerationRequest> requests,
        BatchOptions options,
        WaitOptions wait,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_pipeline is { HasApiKey: false })
        {
            throw MissingApiKey.Exception();
        }

        var clientOptions = _pipeline?.Options ?? new RivyaClientOptions();
        var time = clientOptions.TimeProvider;
        var jitter = clientOptions.JitterSource ?? SharedRandom.NextDouble;
        var gate = new BatchRateGate(time, _pipeline?.Logger ?? NullLogger.Instance);
        var calls = new BatchCalls(gate, time, clientOptions.MaxRetries, clientOptions.MaxRetryAfter, jitter);

        if (options.CheckBalanceFirst)
        {
            await BatchPreflight.CheckAsync(requests, calls, CreditsForBatch, cancellationToken).ConfigureAwait(false);
        }

        using var run = new BatchRun(this, requests, options, wait, calls, time, clientOptions.JitterSource);
        await foreach (var result in run.RunAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    /// <summary>The balance reader of the pre-flight: on this client's own pipeline.</summary>
    private CreditsClient CreditsForBatch => _credits ??= new CreditsClient(_pipeline);
}
