using System.CommandLine;
using Rivya.Cli.Cli;
using Rivya.Cli.Output;
using Spectre.Console;

namespace Rivya.Cli.Commands;

/// <summary><c>rivya status</c>, <c>rivya wait</c>, <c>rivya download</c>: one task, by id; none creates anything.</summary>
internal static class TaskCommands
{
    public static Command Status(CliContext context)
    {
        var id = CommonOptions.TaskId();
        var json = CommonOptions.Json();
        var command = new Command("status", "Show a task's status.") { id, json };
        command.SetAction(result => CommandGuard.RunAsync(context, async () =>
        {
            ClientSetup.RequireKey(context);
            using var client = ClientSetup.CreateClient(context);
            var task = await client.Generations.GetAsync(result.GetRequiredValue(id), context.Interrupts.Stopping).ConfigureAwait(false);
            await AccountCommands.WriteAsync(context, result.GetValue(json), WireJson.Task(task), console => TaskRunner.Describe(console, task)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Wait(CliContext context)
    {
        var id = CommonOptions.TaskId();
        var output = CommonOptions.Out("Download the result to this file once it has succeeded.");
        var overwrite = CommonOptions.Overwrite();
        var json = CommonOptions.Json();
        var command = new Command("wait", "Wait for a task to end, showing its status as it changes; with --out, download the result.") { id, output, overwrite, json };
        command.SetAction(result => CommandGuard.RunAsync(context, async () =>
        {
            var runner = new TaskRunner(context, CommonOptions.UseJson(context, result.GetValue(json)));
            var path = result.GetValue(output) is { } given ? runner.CheckOut(given, result.GetValue(overwrite)) : null;
            ClientSetup.RequireKey(context);
            using var client = ClientSetup.CreateClient(context);
            return await runner.WaitAndDownloadAsync(client, result.GetRequiredValue(id), path, download: path is not null, result.GetValue(overwrite)).ConfigureAwait(false);
        }));
        return command;
    }

    public static Command Download(CliContext context)
    {
        var id = CommonOptions.TaskId();
        var output = CommonOptions.Out("Where to save the video (default: <task-id>.mp4 in the current folder).");
        var overwrite = CommonOptions.Overwrite();
        var command = new Command("download", "Download a succeeded task's video (resumable; never creates a task).") { id, output, overwrite };
        command.SetAction(result => CommandGuard.RunAsync(context, async () =>
        {
            var taskId = result.GetRequiredValue(id);
            var runner = new TaskRunner(context, CommonOptions.UseJson(context, json: false));
            var path = runner.CheckOut(result.GetValue(output) ?? TaskRunner.DefaultFileName(taskId), result.GetValue(overwrite));
            ClientSetup.RequireKey(context);
            using var client = ClientSetup.CreateClient(context);
            var file = await client.Generations.DownloadAsync(taskId, path, new Sdk.DownloadOptions { Overwrite = result.GetValue(overwrite) }, context.Interrupts.Stopping).ConfigureAwait(false);
            await runner.SavedAsync(null, file).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
