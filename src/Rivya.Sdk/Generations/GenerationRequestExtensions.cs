using System;
using System.Collections.Generic;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>Helpers over many <see cref="GenerationRequest"/>s.</summary>
public static class GenerationRequestExtensions
{
    /// <summary>
    /// The credits these requests are expected to cost together: the sum of each one's
    /// <see cref="GenerationRequest.EstimateCredits"/>, and how many have no known cost. Sends nothing; a null item
    /// counts as unknown. The same estimate <c>BatchOptions.CheckBalanceFirst</c> compares with the balance.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is null.</exception>
    public static CreditEstimate EstimateCredits(this IEnumerable<GenerationRequest?> requests)
    {
        Guard.NotNull(requests);
        long credits = 0;
        var unknown = 0;
        foreach (var request in requests)
        {
            if (request?.EstimateCredits() is { } cost)
            {
                credits += cost;
            }
            else
            {
                unknown++;
            }
        }

        return new CreditEstimate(credits, unknown);
    }
}
