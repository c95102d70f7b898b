namespace Rivya.Sdk.Testing.Generations;

/// <summary>What <see cref="GenerationStore.Create"/> did.</summary>
internal enum CreateStatus
{
    Created,
    Replayed,
    IdempotencyConflict,
    InsufficientCredits,
}

/// <summary>The outcome of a create, with the task's JSON written while the store was locked (a consistent snapshot).</summary>
internal readonly record struct CreateOutcome(CreateStatus Status, byte[]? TaskJson, decimal Needed, decimal Balance);
