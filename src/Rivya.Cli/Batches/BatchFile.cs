using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rivya.Cli.Cli;
using Rivya.Cli.Requests;

namespace Rivya.Cli.Batches;

/// <summary>
/// Reads a batch file: JSONL (one create a line in Rivya's wire shape: <c>model</c>, <c>prompt</c>, <c>params</c>,
/// <c>client_request_id</c>; lines count from 1) or CSV (RFC 4180, UTF-8, a header row with <c>model</c>,
/// <c>prompt</c>, optional <c>client_request_id</c> and <c>image</c>, any other column a parameter; data rows count from
/// 1). Every row is validated against the SDK's catalogue; a row id must be usable as a file name and unique.
/// </summary>
internal static class BatchFile
{
    private static readonly string[] CsvFixedColumns = ["model", "prompt", "client_request_id", "image"];

    public static List<BatchRow> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{Output.Printable.Text(path)}: no such file.");
        }

        var text = File.ReadAllText(path);
        var folder = Path.GetDirectoryName(path)!;
        var rows = Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(text, folder) : ReadJsonl(text);
        return CheckIds(rows);
    }

    private static List<BatchRow> ReadJsonl(string text)
    {
        var rows = new List<BatchRow>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length > 0)
            {
                rows.Add(JsonlRow(line, i + 1));
            }
        }

        return rows;
    }

    private static BatchRow JsonlRow(string line, int number)
    {
        var fallbackId = number.ToString(CultureInfo.InvariantCulture);
        JsonObject json;
        try
        {
            json = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not a JSON object");
            _ = json.Count;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return new BatchRow(fallbackId, number, null, [], [$"line {number} is not a JSON object: {e.Message}"]);
        }

        var errors = new List<string>();
        string? Text(string name)
        {
            if (json[name] is not JsonValue value)
            {
                return null;
            }

            if (value.GetValueKind() == JsonValueKind.String)
            {
                return value.GetValue<string>();
            }

            errors.Add($"{name}: must be a string.");
            return null;
        }

        foreach (var property in json)
        {
            if (property.Key is not ("model" or "prompt" or "params" or "client_request_id"))
            {
                errors.Add($"{property.Key}: is not a field of a create (model, prompt, params, client_request_id).");
            }
        }

        var clientRequestId = Text("client_request_id");
        var builder = new RequestBuilder(Text("model"), Text("prompt"), clientRequestId);
        if (json["params"] is JsonObject parameters)
        {
            foreach (var property in parameters)
            {
                builder.Add(property.Key, property.Value is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                    ? (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString())
                    : $"(a JSON {property.Value?.GetValueKind().ToString().ToLowerInvariant() ?? "null"})");
            }
        }
        else if (json["params"] is not null)
        {
            errors.Add("params: must be a JSON object.");
        }

        errors.AddRange(builder.Errors);
        return new BatchRow(clientRequestId ?? fallbackId, number, errors.Count == 0 ? builder.Build() : null, [], errors);
    }

    private static List<BatchRow> ReadCsv(string text, string folder)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var records = Csv.Parse(text, out var error);
        if (error is not null)
        {
            throw new UsageException("the CSV file is not RFC 4180: " + error);
        }

        if (records.Count == 0 || !records[0].Contains("model") || !records[0].Contains("prompt"))
        {
            throw new UsageException("the CSV file needs a header row with at least the columns model and prompt.");
        }

        var header = records[0].Select(h => h.Trim()).ToList();
        var duplicate = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsageException($"the CSV header names column '{Output.Printable.Text(duplicate.Key)}' twice.");
        }

        var rows = new List<BatchRow>();
        for (var r = 1; r < records.Count; r++)
        {
            var cells = records[r];
            string? Cell(string name) => header.IndexOf(name) is var at and >= 0 && at < cells.Count && cells[at].Length > 0 ? cells[at] : null;
            var errors = new List<string>();
            if (cells.Count != header.Count)
            {
                errors.Add(FormattableString.Invariant($"has {cells.Count} fields; the header has {header.Count}."));
            }

            var builder = new RequestBuilder(Cell("model"), Cell("prompt"), Cell("client_request_id"));
            foreach (var column in header.Where(h => !CsvFixedColumns.Contains(h)))
            {
                builder.Add(column, Cell(column));
            }

            var images = Cell("image") is { } image ? new[] { Path.GetFullPath(image, folder) } : [];
            builder.CheckImages(images.Length);
            errors.AddRange(builder.Errors);
            errors.AddRange(images.Where(p => !File.Exists(p)).Select(p => $"image: {p}: no such file."));
            rows.Add(new BatchRow(Cell("client_request_id") ?? r.ToString(CultureInfo.InvariantCulture), r, errors.Count == 0 ? builder.Build() : null, images, errors));
        }

        return rows;
    }

    private static List<BatchRow> CheckIds(List<BatchRow> rows)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            string? problem = null;
            if (row.Id.Length > 100 || row.Id is "." or ".." || !row.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                problem = "the row id (client_request_id) must be 1 to 100 of A-Z a-z 0-9 - _ . : it names the row's file.";
            }
            else if (!seen.Add(row.Id))
            {
                problem = "the row id (client_request_id) is used by an earlier row.";
            }

            if (problem is not null)
            {
                rows[i] = row with { Body = null, Errors = [.. row.Errors, problem] };
            }
        }

        return rows;
    }
}
