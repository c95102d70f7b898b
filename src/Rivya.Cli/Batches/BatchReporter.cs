using System;
using System.Globalization;
using System.Threading;
using Rivya.Cli.Cli;
using Rivya.Cli.Output;
using Spectre.Console;

namespace Rivya.Cli.Batches;

/// <summary>
/// What a batch prints, item by item as it happens: in JSON mode one object a line (<c>row</c>, <c>event</c>,
/// <c>task_id</c> once known, and the event's details), ending with <c>{"summary": {...}}</c>; on a terminal one
/// coloured line an event and a final table. Also keeps the counts of the summary. Thread-safe.
/// </summary>
internal sealed class BatchReporter
{
    private readonly object _gate = new();
    private readonly CliContext _context;
    private readonly bool _json;
    private readonly IAnsiConsole? _console;
    private int _succeeded;
    private int _failed;
    private int _skipped;
    private int _errors;
    private decimal _credits;

    public BatchReporter(CliContext context, bool json)
    {
        _context = context;
        _json = json;
        _console = json ? null : Terminal.For(context.Out);
    }

    public int Succeeded => Volatile.Read(ref _succeeded);

    public int Failed => Volatile.Read(ref _failed);

    public void Event(string row, string name, string? taskId, Action<System.Text.Json.Utf8JsonWriter>? details = null, string? text = null)
    {
        lock (_gate)
        {
            switch (name)
            {
                case "succeeded":
                    _succeeded++;
                    break;
                case "failed":
                    _failed++;
                    break;
                case "skipped":
                    _skipped++;
                    break;
                case "error":
                    _errors++;
                    break;
            }

            if (_json)
            {
                _context.Out.WriteLine(WireJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("row", row);
                    w.WriteString("event", name);
                    w.WriteString("task_id", taskId);
                    details?.Invoke(w);
                    w.WriteEndObject();
                }));
                _context.Out.Flush();
                return;
            }

            var colour = name switch
            {
                "succeeded" or "downloaded" => "green",
                "failed" or "error" => "red",
                "skipped" => "grey",
                _ => "blue",
            };
            _console!.MarkupLine($"[{colour}]{Markup.Escape(name),-10}[/] {Markup.Escape(Printable.Text(row))} {Markup.Escape(Printable.Text(taskId))} {Markup.Escape(Printable.Text(text ?? string.Empty))}");
        }
    }

    public void AddCredits(decimal credits)
    {
        lock (_gate)
        {
            _credits += credits;
        }
    }

    public void Summary(int pending)
    {
        lock (_gate)
        {
            if (_json)
            {
                _context.Out.WriteLine(WireJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartObject("summary");
                    w.WriteNumber("succeeded", _succeeded);
                    w.WriteNumber("failed", _failed);
                    w.WriteNumber("skipped", _skipped);
                    w.WriteNumber("credits", _credits);
                    w.WriteNumber("errors", _errors);
                    w.WriteNumber("pending", pending);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }));
                _context.Out.Flush();
                return;
            }

            var table = new Table().AddColumns("Succeeded", "Failed", "Skipped (done before)", "Errors", "Not finished", "Credits");
            table.AddRow(Count(_succeeded), Count(_failed), Count(_skipped), Count(_errors), Count(pending), _credits.ToString(CultureInfo.InvariantCulture));
            _console!.Write(table);
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
