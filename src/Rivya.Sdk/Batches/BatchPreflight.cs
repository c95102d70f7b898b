using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Batches;

/// <summary>
/// The opt-in pre-flight of a batch: one balance read (behind the batch's gate), compared with the sum of the items'
/// estimates, before any create.
/// </summary>
internal static class BatchPreflight
{
    /// <exception cref="RivyaBatchBudgetException">The estimate is above the balance.</exception>
    public static async Task CheckAsync(IReadOnlyList<GenerationRequest> requests, BatchRateGate gate, Func<CancellationToken, Task<CreditBalance>> readBalance, CancellationToken cancellationToken)
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

        AttemptGates.Enter(gate);
        var balance = await readBalance(cancellationToken).ConfigureAwait(false);
        if (estimate > balance.CurrentCredits)
        {
            throw new RivyaBatchBudgetException(estimate, balance.CurrentCredits, unknown);
        }
    }
}
