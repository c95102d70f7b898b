using System;
using System.Collections.Generic;

namespace Rivya.Sdk.Testing.Generations;

/// <summary>
/// One generation task and its lifecycle: <c>queued</c> at creation, <c>processing</c> on the first polls,
/// <c>succeeded</c> (or <c>failed</c>, when a failure was planned) on the poll that reaches the configured count.
/// Not thread-safe on its own: <see cref="GenerationStore"/> guards it.
/// </summary>
internal sealed class FakeTask
{
    private readonly GenerationFailure? _plannedFailure;

    public FakeTask(string id, ModelDefinition model, DateTimeOffset now, GenerationFailure? plannedFailure, string? idempotencyKey)
    {
        Id = id;
        IdempotencyKey = idempotencyKey;
        Model = model.Id;
        ReservedCredits = model.BaseCredits;
        CreatedAt = now;
        UpdatedAt = now;
        _plannedFailure = plannedFailure;
    }

    public string Id { get; }

    public string Model { get; }

    /// <summary>The <c>Idempotency-Key</c> of the create that made the task, if it had one.</summary>
    public string? IdempotencyKey { get; }

    public string Status { get; private set; } = "queued";

    public decimal ReservedCredits { get; }

    public decimal FinalCredits { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<string>? ResultUrls { get; private set; }

    public GenerationFailure? Error { get; private set; }

    public int Polls { get; private set; }

    public bool IsTerminal => Status is "succeeded" or "failed";

    /// <summary>
    /// Moves the task one step for a poll; it ends on the poll that reaches <paramref name="pollsUntilDone"/> once
    /// <paramref name="processingTime"/> has passed since its creation. Returns the credits to refund: the reservation
    /// of a task that just failed (the fake's assumption: a failed task is not charged), else 0.
    /// </summary>
    public decimal Advance(DateTimeOffset now, int pollsUntilDone, TimeSpan processingTime, string resultUrl)
    {
        if (IsTerminal)
        {
            return 0;
        }

        Polls++;
        UpdatedAt = now;
        if (Polls < pollsUntilDone || now - CreatedAt < processingTime)
        {
            Status = "processing";
            return 0;
        }

        if (_plannedFailure is { } failure)
        {
            Status = "failed";
            Error = failure;
            FinalCredits = 0;
            return ReservedCredits;
        }

        Status = "succeeded";
        FinalCredits = ReservedCredits;
        ResultUrls = [resultUrl];
        return 0;
    }
}
