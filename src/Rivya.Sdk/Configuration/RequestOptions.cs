using System;
using System.Collections.Generic;

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

    /// <summary>Overrides <see cref="RivyaClientOptions.Timeout"/> (per attempt) for this call.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Overrides <see cref="RivyaClientOptions.MaxRetries"/> for this call.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Extra headers sent with every attempt of this call. <c>Authorization</c> cannot be set here.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>
    /// Sends the request without the SDK's validation, for a rule the server has relaxed since this SDK shipped.
    /// The server still validates.
    /// </summary>
    public bool SkipValidation { get; init; }
}
