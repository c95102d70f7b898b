using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Rivya.Sdk.Testing.Credits;
using Rivya.Sdk.Testing.Http;

namespace Rivya.Sdk.Testing.Generations;

/// <summary>
/// The tasks, the idempotency records and the planned failures, behind one lock so that "check the key, debit, store"
/// is atomic: two concurrent creates with one key make one task and one charge.
/// </summary>
internal sealed class GenerationStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, FakeTask> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IdempotencyRecord> _idempotency = new(StringComparer.Ordinal);
    private readonly Queue<GenerationFailure> _plannedFailures = new();
    private readonly CreditLedger _ledger;
    private readonly TimeProvider _time;
    private readonly int _pollsUntilDone;
    private readonly TimeSpan _processingTime;
    private readonly Func<string, string> _resultUrl;
    private int _active;
    private int _activeHighWater;

    public GenerationStore(CreditLedger ledger, TimeProvider time, int pollsUntilDone, TimeSpan processingTime, Func<string, string> resultUrl)
    {
        _ledger = ledger;
        _time = time;
        _pollsUntilDone = pollsUntilDone;
        _processingTime = processingTime;
        _resultUrl = resultUrl;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _tasks.Count;
            }
        }
    }

    /// <summary>Tasks created and not yet seen to end (the count that a client's concurrency limit bounds).</summary>
    public int Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    /// <summary>The most tasks that were ever <see cref="Active"/> at once.</summary>
    public int ActiveHighWaterMark
    {
        get
        {
            lock (_gate)
            {
                return _activeHighWater;
            }
        }
    }

    /// <summary>The next generation created (one per call, in order) will end <c>failed</c> with this error.</summary>
    public void FailNext(GenerationFailure failure)
    {
        lock (_gate)
        {
            _plannedFailures.Enqueue(failure);
        }
    }

    public CreateOutcome Create(ModelDefinition model, JsonNode body, string? idempotencyKey)
    {
        lock (_gate)
        {
            if (idempotencyKey is not null && _idempotency.TryGetValue(idempotencyKey, out var record))
            {
                // The same body (compared as JSON, so key order and spacing do not matter) reaches the same task.
                return JsonNode.DeepEquals(record.Body, body)
                    ? new CreateOutcome(CreateStatus.Replayed, TaskJsonWriter.Write(_tasks[record.TaskId]), 0, _ledger.Balance)
                    : new CreateOutcome(CreateStatus.IdempotencyConflict, null, 0, _ledger.Balance);
            }

            if (!_ledger.TryDebit(model.BaseCredits, out var balance))
            {
                return new CreateOutcome(CreateStatus.InsufficientCredits, null, model.BaseCredits, balance);
            }

            var failure = _plannedFailures.Count > 0 ? _plannedFailures.Dequeue() : null;
            var task = new FakeTask(FakeIds.Task(), model, _time.GetUtcNow(), failure, idempotencyKey);
            _tasks.Add(task.Id, task);
            _active++;
            _activeHighWater = Math.Max(_activeHighWater, _active);
            if (idempotencyKey is not null)
            {
                _idempotency.Add(idempotencyKey, new IdempotencyRecord(body.DeepClone(), task.Id));
            }

            return new CreateOutcome(CreateStatus.Created, TaskJsonWriter.Write(task), model.BaseCredits, balance);
        }
    }

    /// <summary>Advances task <paramref name="id"/> one poll and returns its JSON, or null when there is no such task.</summary>
    public byte[]? Poll(string id)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(id, out var task))
            {
                return null;
            }

            var wasTerminal = task.IsTerminal;
            var refund = task.Advance(_time.GetUtcNow(), _pollsUntilDone, _processingTime, _resultUrl(task.Id));
            if (!wasTerminal && task.IsTerminal)
            {
                _active--;
            }
            if (refund > 0)
            {
                _ledger.Refund(refund);
            }

            return TaskJsonWriter.Write(task);
        }
    }

    /// <summary>Every task as it is now, oldest first (what the ledger shows).</summary>
    public IReadOnlyList<TaskSummary> Snapshot()
    {
        lock (_gate)
        {
            var tasks = new List<TaskSummary>(_tasks.Count);
            foreach (var task in _tasks.Values)
            {
                tasks.Add(new TaskSummary(task.Id, task.IdempotencyKey, task.Model, task.Status, task.CreatedAt));
            }

            tasks.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
            return tasks;
        }
    }

    /// <summary>Whether task <paramref name="id"/> exists and has succeeded (its media URL then answers).</summary>
    public bool HasSucceeded(string id)
    {
        lock (_gate)
        {
            return _tasks.TryGetValue(id, out var task) && task.Status == "succeeded";
        }
    }

    private sealed record IdempotencyRecord(JsonNode Body, string TaskId);
}
