using System;

namespace Rivya.Sdk.Testing.Generations;

/// <summary>A copy of one task's identity and status, taken under the store's lock.</summary>
internal sealed record TaskSummary(string Id, string? IdempotencyKey, string Model, string Status, DateTimeOffset CreatedAt);
