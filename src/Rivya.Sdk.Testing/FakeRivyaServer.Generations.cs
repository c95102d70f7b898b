using System;
using Rivya.Sdk.Testing.Generations;

namespace Rivya.Sdk.Testing;

// The generation tasks: how many were made, how many run at once, how many creates were rate limited, and failing one.
public sealed partial class FakeRivyaServer
{
    /// <summary>
    /// The fake's books now: every task (id, idempotency key, model, status, the SHA-256 of its result's bytes), the
    /// charges made and the create requests received. The same as <c>GET /_fake/ledger</c> on <see cref="BaseAddress"/>.
    /// </summary>
    public FakeLedger GetLedger() => _book.Snapshot();

    /// <summary>How many generation tasks the server has accepted (a replayed idempotent create makes none).</summary>
    public int GenerationCount => _generations.Count;

    /// <summary>Tasks created and not yet seen to end by a poll.</summary>
    public int ActiveGenerations => _generations.Active;

    /// <summary>
    /// The most tasks that were ever active at once (created, not yet seen to end by a poll): what a client's
    /// concurrency limit bounds.
    /// </summary>
    public int ActiveGenerationsHighWaterMark => _generations.ActiveHighWaterMark;

    /// <summary>How many creates <see cref="FakeRivyaServerOptions.CreateRateLimit"/> refused with 429.</summary>
    public int RateLimitedCreates => _api.RateLimiter?.Refused ?? 0;

    /// <summary>
    /// Makes the next generation created end <c>failed</c> (on the poll where it would have succeeded) with
    /// <c>error</c> <c>{ code, message }</c>. Each call fails one more generation, in order. Its credits are refunded.
    /// </summary>
    /// <param name="code">The task's <c>error.code</c>; Rivya documents <c>generation_failed</c>.</param>
    /// <param name="message">The task's <c>error.message</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is null or blank.</exception>
    public void FailNextGeneration(string code = "generation_failed", string message = "The generation failed (FakeRivyaServer.FailNextGeneration).")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        _generations.FailNext(new GenerationFailure(code, message));
    }
}
