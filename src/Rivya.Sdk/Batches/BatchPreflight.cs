using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Batches;

/// <summary>
/// The opt-in pre-flight of a batch: one balance read, compared with the sum of the items' estimates, before any create.
/// </summary>
internal static class BatchPreflight
{
    /// <exception cref="RivyaBatchBudgetException">The estimate is above the balance.</exception>
    public static async Task CheckAsync(IReadOnlyList<GenerationRequest> requests, BatchCalls calls, Func<CancellationToken, Task<CreditBalance>> readBalance, CancellationToken cancellationToken)
    {
        var estimate = requests.EstimateCredits();
        var balance = await calls.RunAsync(readBalance, cancellationToken).ConfigureAwait(false);
        if (estimate.Credits > balance.CurrentCredits)
        {
            throw new RivyaBatchBudgetException(estimate.Credits, balance.CurrentCredits, estimate.UnknownCount);
        }
    }
}
