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
        decimal estimate = 0;
        var unknown = 0;
        foreach (var request in requests)
        {
            if (request.EstimateCredits() is { } cost)
            {
                estimate += cost;
            }
            else
            {
                unknown++;
            }
        }

        var balance = await calls.RunAsync(readBalance, cancellationToken).ConfigureAwait(false);
        if (estimate > balance.CurrentCredits)
        {
            throw new RivyaBatchBudgetException(estimate, balance.CurrentCredits, unknown);
        }
    }
}
