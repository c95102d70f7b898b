using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Rivya.Cli.Cli;
using Rivya.Cli.Output;
using Rivya.Sdk;
using Spectre.Console;

namespace Rivya.Cli.Commands;

/// <summary>
/// What <c>generate</c> and <c>wait</c> share: wait for a task (its status shown as it changes on a terminal), then
/// download its result, and print the outcome: a line on a terminal, the task in Rivya's wire shape in JSON mode.
/// </summary>
internal sealed class TaskRunner
{
    private readonly CliContext _context;
    private readonly bool _json;

    public TaskRunner(CliContext context, bool json)
    {
        _context = context;
        _json = json;
    }

    public static string DefaultFileName(string taskId) => SafeFileName(taskId) + ".mp4";

    /// <summary>The absolute path of an --out file; exit 2 (nothing sent) when it exists and --overwrite is not given.</summary>
    public string CheckOut(string path, bool overwrite)
    {
        var full = _context.FullPath(path);
        if (!overwrite && (File.Exists(full) || Directory.Exists(full)))
        {
            throw new UsageException($"{Printable.Text(full)} exists; give --overwrite to replace it (nothing was sent).");
        }

        return full;
    }

    public async Task<int> WaitAndDownloadAsync(RivyaClient client, string taskId, string? path, bool download, bool overwrite)
    {
        var stopping = _context.Interrupts.Stopping;
        var console = _json ? null : Terminal.For(_context.Out);
        Generation done;
        try
        {
            done = await client.Generations.WaitForCompletionAsync(
                taskId,
                new WaitOptions { OnStatusChanged = g => console?.MarkupLine($"{Markup.Escape(Printable.Text(g.Id))}: [bold]{Markup.Escape(g.Status.ToString())}[/]") },
                stopping).ConfigureAwait(false);
        }
        catch (RivyaGenerationFailedException failed) when (failed.Generation is { } task)
        {
            await PrintAsync(task, null).ConfigureAwait(false);
            throw;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw Resume(taskId, path);
        }

        if (!download)
        {
            await PrintAsync(done, null).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        path ??= CheckOut(DefaultFileName(done.Id), overwrite);
        try
        {
            var file = await client.Generations.DownloadAsync(done, path, new DownloadOptions { Overwrite = overwrite }, stopping).ConfigureAwait(false);
            await SavedAsync(done, file).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw Resume(taskId, path);
        }
    }

    public async Task SavedAsync(Generation? task, FileInfo file)
    {
        if (!_json)
        {
            Terminal.For(_context.Out).MarkupLine($"Saved [bold]{Markup.Escape(file.FullName)}[/] ({file.Length.ToString(CultureInfo.InvariantCulture)} bytes)");
        }
        else if (task is not null)
        {
            await _context.Out.WriteLineAsync(WireJson.Task(task, file.FullName)).ConfigureAwait(false);
        }
        else
        {
            await _context.Out.WriteLineAsync(WireJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("output_file", file.FullName);
                w.WriteNumber("size_bytes", file.Length);
                w.WriteEndObject();
            })).ConfigureAwait(false);
        }
    }

    public async Task PrintAsync(Generation task, string? outputFile)
    {
        if (_json)
        {
            await _context.Out.WriteLineAsync(WireJson.Task(task, outputFile)).ConfigureAwait(false);
        }
        else
        {
            Describe(Terminal.For(_context.Out), task);
        }
    }

    public static void Describe(IAnsiConsole console, Generation task)
    {
        console.MarkupLine($"{Markup.Escape(Printable.Text(task.Id))}: [bold]{Markup.Escape(task.Status.ToString())}[/] ({Markup.Escape(Printable.Text(task.Model ?? "?"))}, {task.FinalCredits.ToString(CultureInfo.InvariantCulture)} credits)");
        if (task.Result?.PrimaryUrl is { } url)
        {
            console.MarkupLine("  " + Markup.Escape(Printable.Text(url)));
        }

        if (task.Error is { } error)
        {
            console.MarkupLine($"  [red]{Markup.Escape(Printable.Text(error.Code ?? "error"))}[/]: {Markup.Escape(Printable.Text(error.Message))}");
        }
    }

    private static CliException Resume(string taskId, string? path) =>
        new(ExitCodes.Cancelled, $"cancelled; the task goes on. Resume with: rivya wait {ShellQuote.Quote(taskId)} --out {ShellQuote.Quote(path ?? DefaultFileName(taskId))}");

    private static string SafeFileName(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(chars[i]) || chars[i] is '-' or '_' or '.'))
            {
                chars[i] = '_';
            }
        }

        return new string(chars).TrimStart('.');
    }
}
