using System;

namespace Rivya.Sdk;

/// <summary>
/// How <c>client.Generations.CreateAndWaitManyAsync</c> runs a batch: how many tasks at once, how each is waited for,
/// how each item's <c>Idempotency-Key</c> is made, and whether the balance is checked first.
/// </summary>
public sealed record BatchOptions
{
    /// <summary>The largest <see cref="MaxConcurrency"/> accepted.</summary>
    public const int MaxConcurrencyLimit = 10_000;

    private readonly int _maxConcurrency = 4;

    /// <summary>
    /// At most this many items are in flight at once, counting an item from its create to the end of its wait. Default
    /// 4; between 1 and <see cref="MaxConcurrencyLimit"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1 or above <see cref="MaxConcurrencyLimit"/>.</exception>
    public int MaxConcurrency
    {
        get => _maxConcurrency;
        init => _maxConcurrency = value is >= 1 and <= MaxConcurrencyLimit
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), value, $"MaxConcurrency must be 1 to {MaxConcurrencyLimit}.");
    }

    /// <summary>
    /// The schedule and timeout of each item's wait (its <see cref="WaitOptions.Timeout"/> counts per item, from its
    /// create). Null for the defaults of <see cref="WaitOptions"/>. <see cref="WaitOptions.Progress"/>, when set,
    /// hears every item's changes.
    /// </summary>
    public WaitOptions? Wait { get; init; }

    /// <summary>
    /// Makes the <c>Idempotency-Key</c> of an item from the request and its index in the batch. It must give the same
    /// key for the same item on every run: that is what lets a re-run after a crash reach the tasks already created
    /// instead of paying again. Null (the default): the request's <see cref="GenerationRequest.ClientRequestId"/> is
    /// the key, and when that is not set either, a key derived from the request's content and its index (after the
    /// request passed validation). A selector that throws or answers a blank key fails only that item, with a
    /// <see cref="RivyaValidationException"/>.
    /// </summary>
    public Func<GenerationRequest, int, string>? IdempotencyKeySelector { get; init; }

    /// <summary>
    /// Reads the balance once (<c>GET /api/v1/credits</c>) before anything is sent, and refuses the whole batch with
    /// <see cref="RivyaBatchBudgetException"/> when the estimated cost (the sum of
    /// <see cref="GenerationRequest.EstimateCredits"/>) is above it. Default false. Items of models the SDK does not
    /// know cost nothing in the estimate.
    /// </summary>
    public bool CheckBalanceFirst { get; init; }
}
