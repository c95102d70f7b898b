using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rivya.Cli.Cli;
using Rivya.Cli.Requests;

namespace Rivya.Cli.Batches;

/// <summary>
/// The batch's journal, <c>rivya-journal.jsonl</c> in the output folder: append-only JSON lines, each flushed to disk
/// before the step it records goes on, so a <c>kill -9</c> at any instant leaves a journal that tells what was sent.
/// Lines: <c>run</c> (a run started), <c>submit</c> (row, idempotency key and the exact body, written before the create
/// is sent), <c>created</c> (task id), <c>ended</c> (status, credits, error), <c>downloaded</c> (file, size). A torn last
/// line (the process died mid-write) is dropped on open. Why JSON lines rather than SQLite: a person reads it with
/// <c>cat</c> or <c>jq</c>, appending a line is the whole write path, and the NativeAOT binary needs no native library.
/// </summary>
internal sealed class Journal : IDisposable
{
    public const string FileName = "rivya-journal.jsonl";

    private readonly object _gate = new();
    private readonly FileStream _stream;

    private Journal(FileStream stream, Dictionary<string, RowState> rows)
    {
        _stream = stream;
        Rows = rows;
    }

    /// <summary>Every row the journal names, by row id.</summary>
    public Dictionary<string, RowState> Rows { get; }

    /// <summary>Whether a journal exists in <paramref name="folder"/> (a run to resume).</summary>
    public static bool ExistsIn(string folder) => File.Exists(Path.Combine(folder, FileName));

    /// <summary>Reads the state of <paramref name="folder"/>'s journal without opening it for writing (for --dry-run).</summary>
    public static Dictionary<string, RowState> Peek(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? Fold(File.ReadAllBytes(path), out _) : new Dictionary<string, RowState>(StringComparer.OrdinalIgnoreCase);
    }

    public static Journal Open(string folder)
    {
        Directory.CreateDirectory(folder);
        var stream = new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            var rows = Fold(bytes, out var goodLength);
            stream.SetLength(goodLength); // drops a torn last line, so the next line starts clean
            stream.Seek(0, SeekOrigin.End);
            return new Journal(stream, rows);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public void Run(string input) => Append(new JsonObject { ["event"] = "run", ["input"] = input, ["started_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) });

    public void Submit(string row, string key, CreateBody body) => Append(new JsonObject { ["event"] = "submit", ["row"] = row, ["key"] = key, ["request"] = body.ToJson() });

    public void Created(string row, string taskId) => Append(new JsonObject { ["event"] = "created", ["row"] = row, ["task_id"] = taskId });

    public void Ended(string row, string taskId, string status, decimal credits, string? errorCode, string? errorMessage) => Append(new JsonObject
    {
        ["event"] = "ended",
        ["row"] = row,
        ["task_id"] = taskId,
        ["status"] = status,
        ["credits"] = credits,
        ["error"] = errorCode is null && errorMessage is null ? null : new JsonObject { ["code"] = errorCode, ["message"] = errorMessage },
    });

    public void Downloaded(string row, string file, long size) => Append(new JsonObject { ["event"] = "downloaded", ["row"] = row, ["file"] = file, ["size"] = size });

    public void Dispose() => _stream.Dispose();

    private void Append(JsonObject line)
    {
        var bytes = Encoding.UTF8.GetBytes(line.ToJsonString() + "\n");
        lock (_gate)
        {
            _stream.Write(bytes);
            _stream.Flush(flushToDisk: true);
            Apply(Rows, line);
        }
    }

    private static Dictionary<string, RowState> Fold(byte[] bytes, out long goodLength)
    {
        var rows = new Dictionary<string, RowState>(StringComparer.OrdinalIgnoreCase);
        goodLength = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        var text = Encoding.UTF8.GetString(bytes, 0, (int)goodLength);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            try
            {
                Apply(rows, JsonNode.Parse(lines[i]) as JsonObject ?? throw new JsonException("not an object"));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw new UsageException(FormattableString.Invariant($"the journal's line {i + 1} is not one rivya wrote ({e.Message}); move the journal away to start a new run, or fix the line."));
            }
        }

        return rows;
    }

    private static void Apply(Dictionary<string, RowState> rows, JsonObject line)
    {
        var kind = line["event"]?.GetValue<string>();
        if (kind == "run" || line["row"]?.GetValue<string>() is not { } id)
        {
            return;
        }

        if (!rows.TryGetValue(id, out var row))
        {
            rows[id] = row = new RowState();
        }

        switch (kind)
        {
            case "submit":
                // A new submit (a new run of a failed row with --retry-failed) starts the row over with its new key.
                rows[id] = new RowState { Key = line["key"]!.GetValue<string>(), Body = CreateBody.FromJson(line["request"]) ?? throw new FormatException("a submit line without its request") };
                break;
            case "created":
                row.TaskId = line["task_id"]!.GetValue<string>();
                break;
            case "ended":
                row.TaskId ??= line["task_id"]?.GetValue<string>();
                row.Status = line["status"]!.GetValue<string>();
                row.Credits = line["credits"]?.GetValue<decimal>() ?? 0;
                row.ErrorCode = line["error"]?["code"]?.GetValue<string>();
                row.ErrorMessage = line["error"]?["message"]?.GetValue<string>();
                break;
            case "downloaded":
                row.File = line["file"]!.GetValue<string>();
                row.Size = line["size"]!.GetValue<long>();
                break;
        }
    }
}
