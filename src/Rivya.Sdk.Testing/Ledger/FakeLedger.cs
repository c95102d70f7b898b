using System.Collections.Generic;

namespace Rivya.Sdk.Testing;

/// <summary>
/// What a <see cref="FakeRivyaServer"/> has done, from its own books: every task it made, how many charges it made
/// and how many create requests it received. Read it with <see cref="FakeRivyaServer.GetLedger"/>, or over HTTP from
/// <c>GET /_fake/ledger</c> on <see cref="FakeRivyaServer.BaseAddress"/> (no key needed; the fake's own route, not
/// Rivya's) when the fake runs in another process. A snapshot: it does not change afterwards.
/// </summary>
/// <param name="Tasks">Every task made, oldest first.</param>
/// <param name="Charges">How many debits the account took: one per task made (a failed task's later refund does not undo it; a replayed idempotent create makes none).</param>
/// <param name="Creates">How many <c>POST /api/v1/generations</c> requests arrived, whatever their answer (faulted, refused or replayed ones too).</param>
public sealed record FakeLedger(IReadOnlyList<FakeLedgerTask> Tasks, int Charges, int Creates);

/// <summary>One task in a <see cref="FakeLedger"/>.</summary>
/// <param name="Id">The task id (<c>task_...</c>).</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> of the create that made it, or null when it had none.</param>
/// <param name="Model">The model id.</param>
/// <param name="Status">The status as it is now: <c>queued</c>, <c>processing</c>, <c>succeeded</c> or <c>failed</c> (a task advances only when polled).</param>
/// <param name="ResultSha256">The lowercase hex SHA-256 of the exact bytes the result host serves for this task now, or null until it has succeeded.</param>
public sealed record FakeLedgerTask(string Id, string? IdempotencyKey, string Model, string Status, string? ResultSha256);
