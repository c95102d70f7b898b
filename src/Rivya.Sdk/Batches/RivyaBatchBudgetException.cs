using System;
using System.Globalization;

namespace Rivya.Sdk;

/// <summary>
/// The batch's pre-flight (<see cref="BatchOptions.CheckBalanceFirst"/>) found the estimated cost above the balance:
/// nothing was sent.
/// </summary>
public sealed class RivyaBatchBudgetException : RivyaException
{
    /// <summary>Creates the exception.</summary>
    public RivyaBatchBudgetException(decimal estimatedCredits, decimal currentCredits, int unknownCostItems)
        : base(BuildMessage(estimatedCredits, currentCredits, unknownCostItems))
    {
        EstimatedCredits = estimatedCredits;
        CurrentCredits = currentCredits;
        UnknownCostItems = unknownCostItems;
    }

    /// <summary>The batch's estimated cost: the sum of the base credits of its items' models.</summary>
    public decimal EstimatedCredits { get; }

    /// <summary>The balance read before the batch (<c>GET /api/v1/credits</c>).</summary>
    public decimal CurrentCredits { get; }

    /// <summary>Items of models the SDK does not know, left out of <see cref="EstimatedCredits"/>.</summary>
    public int UnknownCostItems { get; }

    private static string BuildMessage(decimal estimated, decimal current, int unknown) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "The batch needs an estimated {0} credits but the balance is {1}; nothing was sent.{2}",
            estimated,
            current,
            unknown > 0 ? $" {unknown} item(s) of unknown models are not in the estimate." : string.Empty);
}
