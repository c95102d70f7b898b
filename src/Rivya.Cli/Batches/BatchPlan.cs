using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Rivya.Cli.Batches;

/// <summary>What a run does with a row, from the row and what the journal says of it.</summary>
internal enum RowAction
{
    /// <summary>Create (a new key, or the journal's key and body when a create was sent without an answer), then wait and download.</summary>
    Create,

    /// <summary>The task exists: wait, then download (never create again).</summary>
    Wait,

    /// <summary>The task succeeded: download its result.</summary>
    Download,

    /// <summary>Done in an earlier run, its file on disk: nothing to do.</summary>
    Skip,

    /// <summary>Its generation failed in an earlier run: reported failed again, not paid again (unless --retry-failed).</summary>
    Failed,
}

/// <summary>One row and what this run does with it.</summary>
internal sealed record PlannedRow(BatchRow Row, RowAction Action, RowState? State)
{
    /// <summary>Whether this row's create reuses the journal's key and body (a create sent, its answer never journaled).</summary>
    public bool ReusesKey => Action == RowAction.Create && State is { Key: not null, TaskId: null };
}

internal static class BatchPlan
{
    public static List<PlannedRow> Make(IEnumerable<BatchRow> rows, IReadOnlyDictionary<string, RowState> journal, string folder, bool retryFailed) =>
        rows.Select(row => Plan(row, journal.GetValueOrDefault(row.Id), folder, retryFailed)).ToList();

    /// <summary>The credits the creates of <paramref name="plan"/> are expected to cost (the SDK's estimate per model).</summary>
    public static decimal Estimate(IEnumerable<PlannedRow> plan) =>
        plan.Where(p => p.Action == RowAction.Create).Sum(p => (decimal)((p.ReusesKey ? p.State!.Body : p.Row.Body)?.EstimateCredits() ?? 0));

    private static PlannedRow Plan(BatchRow row, RowState? state, string folder, bool retryFailed)
    {
        var action = state switch
        {
            null or { Key: null } => RowAction.Create,
            { TaskId: null } => RowAction.Create,
            { Status: null } => RowAction.Wait,
            { Status: "failed" } => retryFailed ? RowAction.Create : RowAction.Failed,
            { File: { } file } when new FileInfo(Path.Combine(folder, file)) is { Exists: true } info && info.Length == state.Size => RowAction.Skip,
            _ => RowAction.Download,
        };

        // A failed row retried gets a new key (a new take); a create without an answer keeps its key.
        return new PlannedRow(row, action, action == RowAction.Create && state?.Status == "failed" ? null : state);
    }
}
