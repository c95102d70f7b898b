using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Cli.Cli;
using Rivya.Sdk;

namespace Rivya.Cli.Batches;

/// <summary>
/// Runs a batch's plan with at most <c>concurrency</c> rows at once, each through the SDK's public steps (upload,
/// <c>CreateAsync</c> with the row's key, <c>WaitForCompletionAsync</c>, <c>DownloadAsync</c>), journaling each step
/// before going on. After the first Ctrl+C no row starts; a create already sent has a short grace to learn its id;
/// waits and downloads are abandoned (the journal lets a re-run resume them).
/// </summary>
internal sealed class BatchRunner
{
    private readonly RivyaClient _client;
    private readonly Journal _journal;
    private readonly BatchReporter _reporter;
    private readonly Interrupts _interrupts;
    private readonly string _folder;

    public BatchRunner(RivyaClient client, Journal journal, BatchReporter reporter, Interrupts interrupts, string folder)
    {
        _client = client;
        _journal = journal;
        _reporter = reporter;
        _interrupts = interrupts;
        _folder = folder;
    }

    /// <summary>Runs the plan; returns the exit code of the worst row outcome and how many rows did not finish.</summary>
    public async Task<(int ExitCode, int Pending)> RunAsync(IReadOnlyList<PlannedRow> plan, int concurrency)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var running = new List<Task<int>>();
        var exitCode = ExitCodes.Ok;
        var started = 0;
        foreach (var item in plan)
        {
            if (item.Action is RowAction.Skip or RowAction.Failed)
            {
                exitCode = ExitCodes.Worst(exitCode, Report(item));
                continue;
            }

            try
            {
                await gate.WaitAsync(_interrupts.Stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            started++;
            running.Add(RunRowAsync(item, gate));
        }

        var outcomes = await Task.WhenAll(running).ConfigureAwait(false);
        exitCode = outcomes.Aggregate(exitCode, ExitCodes.Worst);
        var pending = plan.Count(p => p.Action is not (RowAction.Skip or RowAction.Failed)) - started + outcomes.Count(o => o == ExitCodes.Cancelled);
        return (_interrupts.Interrupted || _interrupts.Stopping.IsCancellationRequested ? ExitCodes.Cancelled : exitCode, pending);
    }

    private int Report(PlannedRow item)
    {
        var state = item.State!;
        if (item.Action == RowAction.Skip)
        {
            _reporter.Event(item.Row.Id, "skipped", state.TaskId, w => w.WriteString("file", state.File), "done in an earlier run");
            return ExitCodes.Ok;
        }

        _reporter.Event(item.Row.Id, "failed", state.TaskId, w => WriteError(w, state.ErrorCode, state.ErrorMessage), "failed in an earlier run (--retry-failed submits it again)");
        return ExitCodes.SomeFailed;
    }

    private async Task<int> RunRowAsync(PlannedRow item, SemaphoreSlim gate)
    {
        await Task.Yield();
        var row = item.Row;
        var taskId = item.State?.TaskId;
        try
        {
            Generation? done = null;
            if (item.Action == RowAction.Create)
            {
                taskId = await CreateAsync(item).ConfigureAwait(false);
                if (taskId is null)
                {
                    return ExitCodes.Cancelled;
                }
            }

            if (item.Action is RowAction.Create or RowAction.Wait)
            {
                try
                {
                    done = await _client.Generations.WaitForCompletionAsync(taskId!, null, _interrupts.Stopping).ConfigureAwait(false);
                }
                catch (RivyaGenerationFailedException failed)
                {
                    var error = failed.Generation?.Error;
                    _journal.Ended(row.Id, taskId!, "failed", 0, error?.Code, error?.Message);
                    _reporter.Event(row.Id, "failed", taskId, w => WriteError(w, error?.Code, error?.Message), error?.Message);
                    return ExitCodes.SomeFailed;
                }

                _journal.Ended(row.Id, done.Id, "succeeded", done.FinalCredits, null, null);
                _reporter.AddCredits(done.FinalCredits);
            }

            var path = Path.Combine(_folder, row.FileName);
            var options = new DownloadOptions { Overwrite = true };
            var file = done is not null
                ? await _client.Generations.DownloadAsync(done, path, options, _interrupts.Stopping).ConfigureAwait(false)
                : await _client.Generations.DownloadAsync(taskId!, path, options, _interrupts.Stopping).ConfigureAwait(false);
            _journal.Downloaded(row.Id, row.FileName, file.Length);
            _reporter.Event(row.Id, "succeeded", taskId, w =>
            {
                w.WriteString("file", file.FullName);
                w.WriteNumber("size", file.Length);
            }, file.FullName);
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (_interrupts.Stopping.IsCancellationRequested)
        {
            _reporter.Event(row.Id, "interrupted", taskId, text: "a re-run resumes it");
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // One row's failure is reported with its exit code; the others go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var message = ErrorReport.Message(e)["error: ".Length..];
            _reporter.Event(row.Id, "error", taskId, w => w.WriteString("message", message), message);
            return ErrorReport.ExitCode(e);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Creates the row's task (journaling the key and body first); null when Ctrl+C came before it was sent.</summary>
    private async Task<string?> CreateAsync(PlannedRow item)
    {
        var row = item.Row;
        string key;
        Requests.CreateBody body;
        if (item.ReusesKey)
        {
            (key, body) = (item.State!.Key!, item.State.Body!);
        }
        else
        {
            key = Guid.NewGuid().ToString("N");
            body = row.Body!;
            if (row.Images.Count > 0)
            {
                var items = new List<ReferenceMediaItem>();
                foreach (var image in row.Images)
                {
                    var uploaded = await _client.Files.UploadAsync(FileUpload.FromPath(image, MediaKind.Image) with { Model = body.Model }, cancellationToken: _interrupts.Stopping).ConfigureAwait(false);
                    items.Add(uploaded.ToReferenceMediaItem());
                }

                body = body.WithReferences(items);
            }
        }

        if (_interrupts.Stopping.IsCancellationRequested)
        {
            return null;
        }

        if (!item.ReusesKey)
        {
            _journal.Submit(row.Id, key, body);
        }

        _reporter.Event(row.Id, "submitted", null, w => w.WriteString("idempotency_key", key));
        var task = await _client.Generations.CreateAsync(body.ToRequest(), new RequestOptions { IdempotencyKey = key }, _interrupts.CreateGrace).ConfigureAwait(false);
        _journal.Created(row.Id, task.Id);
        _reporter.Event(row.Id, "created", task.Id);
        return task.Id;
    }

    private static void WriteError(System.Text.Json.Utf8JsonWriter w, string? code, string? message)
    {
        w.WriteStartObject("error");
        w.WriteString("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
    }
}
