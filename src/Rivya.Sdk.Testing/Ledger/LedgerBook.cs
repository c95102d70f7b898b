using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using Rivya.Sdk.Testing.Credits;
using Rivya.Sdk.Testing.Generations;
using Rivya.Sdk.Testing.Json;
using Rivya.Sdk.Testing.Media;

namespace Rivya.Sdk.Testing.Ledger;

/// <summary>
/// The fake's books as one snapshot (<see cref="FakeLedger"/>) and as the JSON of <c>GET /_fake/ledger</c>:
/// <c>{"tasks":[{"id","idempotencyKey","model","status","resultSha256"}],"charges":N,"creates":N}</c>.
/// </summary>
internal sealed class LedgerBook
{
    public const string Path = "/_fake/ledger";

    private readonly GenerationStore _generations;
    private readonly CreditLedger _credits;
    private readonly MediaHost _media;
    private int _creates;

    public LedgerBook(GenerationStore generations, CreditLedger credits, MediaHost media)
    {
        _generations = generations;
        _credits = credits;
        _media = media;
    }

    /// <summary>Counts one create request received (called before any fault or check, so every arrival counts).</summary>
    public void CountCreate() => Interlocked.Increment(ref _creates);

    public FakeLedger Snapshot()
    {
        var tasks = new List<FakeLedgerTask>();
        foreach (var task in _generations.Snapshot())
        {
            var sha = task.Status == "succeeded" ? Convert.ToHexString(SHA256.HashData(_media.ContentFor(task.Id))).ToLowerInvariant() : null;
            tasks.Add(new FakeLedgerTask(task.Id, task.IdempotencyKey, task.Model, task.Status, sha));
        }

        return new FakeLedger(tasks, _credits.Debits, Volatile.Read(ref _creates));
    }

    public byte[] Json() => JsonWriting.Write(Snapshot(), Write);

    private static void Write(Utf8JsonWriter writer, FakeLedger ledger)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("tasks");
        foreach (var task in ledger.Tasks)
        {
            writer.WriteStartObject();
            writer.WriteString("id", task.Id);
            writer.WriteString("idempotencyKey", task.IdempotencyKey);
            writer.WriteString("model", task.Model);
            writer.WriteString("status", task.Status);
            writer.WriteString("resultSha256", task.ResultSha256);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("charges", ledger.Charges);
        writer.WriteNumber("creates", ledger.Creates);
        writer.WriteEndObject();
    }
}
