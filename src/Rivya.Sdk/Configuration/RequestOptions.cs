using System;
using System.Collections.Generic;
using Rivya.Sdk.Configuration;

namespace Rivya.Sdk;

/// <summary>Per-call settings that override the client's <see cref="RivyaClientOptions"/> for one call.</summary>
public sealed record RequestOptions
{
    /// <summary>
    /// The <c>Idempotency-Key</c> of a create. When null the SDK makes one per call; every retry of that call sends the
    /// same key, so a retried create never starts a second paid task. Give your own (an order id, say) to make a
    /// create safe to repeat across process restarts too.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The key a call sends: the caller's, else a new one (the one place that makes a default key).</summary>
    internal static string KeyOf(RequestOptions? options) =>
        string.IsNullOrEmpty(options?.IdempotencyKey) ? Guid.NewGuid().ToString() : options!.IdempotencyKey!;

    private readonly TimeSpan? _timeout;
    private readonly int? _maxRetries;

    /// <summary>Overrides <see cref="RivyaClientOptions.Timeout"/> (per attempt) for this call. Positive or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero or negative (other than infinite).</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        init => _timeout = value is { } timeout ? OptionRules.Valid(nameof(Timeout), timeout, OptionRules.PositiveOrInfinite(nameof(Timeout), timeout)) : null;
    }

    /// <summary>Overrides <see cref="RivyaClientOptions.MaxRetries"/> for this call. 0 or more.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int? MaxRetries
    {
        get => _maxRetries;
        init => _maxRetries = value is { } retries ? OptionRules.Valid(nameof(MaxRetries), retries, OptionRules.AtLeast(nameof(MaxRetries), retries, 0)) : null;
    }

    /// <summary>Extra headers sent with every attempt of this call. <c>Authorization</c> cannot be set here.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>
    /// Sends the request without the SDK's validation, for a rule the server has relaxed since this SDK shipped.
    /// The server still validates.
    /// </summary>
    public bool SkipValidation { get; init; }
}
