using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Rivya.Cli.Cli;
using Rivya.Cli.Output;
using Rivya.Cli.Requests;
using Rivya.Sdk;

namespace Rivya.Cli.Commands;

/// <summary>
/// <c>rivya generate</c>: validate (the SDK's catalogue; every error, exit 2, nothing sent), upload any --image, create
/// with an idempotency key fixed before sending, then wait and download (or, with --no-wait, print the task).
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "The model id, e.g. kling-3-0 (rivya models lists them).", Required = true };
        var prompt = new Option<string>("--prompt") { Description = "What to generate.", Required = true };
        var param = new Option<string[]>("--param") { Description = "A documented parameter of the model, key=value (e.g. duration=10); repeat it.", HelpName = "key=value" };
        var image = new Option<string[]>("--image") { Description = "A local reference image, uploaded through the Files API first; repeat it.", HelpName = "path" };
        var clientRequestId = new Option<string?>("--client-request-id") { Description = "Your own trace id, kept by Rivya with the task." };
        var key = new Option<string?>("--idempotency-key") { Description = "The create's idempotency key (default: a new one). The same key and request reach the same task: no second charge." };
        var noWait = new Option<bool>("--no-wait") { Description = "Print the task id and exit once the task is created." };
        var output = CommonOptions.Out("Where to save the video (default: <task-id>.mp4 in the current folder).");
        var overwrite = CommonOptions.Overwrite();
        var json = CommonOptions.Json();
        var command = new Command("generate", "Create a generation, wait for it, and download the video.")
        {
            model, prompt, param, image, clientRequestId, key, noWait, output, overwrite, json,
        };

        command.SetAction(result => CommandGuard.RunAsync(context, async () =>
        {
            var builder = new RequestBuilder(result.GetValue(model), result.GetValue(prompt), result.GetValue(clientRequestId));
            foreach (var pair in result.GetValue(param) ?? [])
            {
                builder.AddPair(pair);
            }

            var images = (result.GetValue(image) ?? []).Select(context.FullPath).ToArray();
            builder.CheckImages(images.Length);
            var errors = builder.Errors.Concat(images.Where(p => !File.Exists(p)).Select(p => $"--image {p}: no such file.")).ToList();
            if (errors.Count > 0)
            {
                throw new UsageException("the request breaks documented rules (nothing was sent):" + string.Concat(errors.Select(e => "\n  " + Printable.Text(e))));
            }

            var runner = new TaskRunner(context, CommonOptions.UseJson(context, result.GetValue(json)));
            var wait = !result.GetValue(noWait);
            if (!wait && result.GetValue(output) is not null)
            {
                throw new UsageException("--out needs the wait: drop --no-wait, or download later with rivya download <task-id> --out <file>.");
            }

            var path = result.GetValue(output) is { } given ? runner.CheckOut(given, result.GetValue(overwrite)) : null;
            ClientSetup.RequireKey(context);
            using var client = ClientSetup.CreateClient(context);
            var idempotencyKey = result.GetValue(key) ?? Guid.NewGuid().ToString("N");
            var body = builder.Build();
            if (images.Length > 0)
            {
                body = body.WithReferences(await UploadAsync(client, body.Model, images, context).ConfigureAwait(false));
            }

            var task = await CreateAsync(client, body, idempotencyKey, result.Tokens.Select(t => t.Value), context).ConfigureAwait(false);
            if (!wait)
            {
                await runner.PrintAsync(task, null).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            return await runner.WaitAndDownloadAsync(client, task.Id, path, download: true, result.GetValue(overwrite)).ConfigureAwait(false);
        }));
        return command;
    }

    private static async Task<List<ReferenceMediaItem>> UploadAsync(RivyaClient client, string model, string[] images, CliContext context)
    {
        var items = new List<ReferenceMediaItem>();
        foreach (var path in images)
        {
            var file = await client.Files.UploadAsync(FileUpload.FromPath(path, MediaKind.Image) with { Model = model }, cancellationToken: context.Interrupts.Stopping).ConfigureAwait(false);
            items.Add(file.ToReferenceMediaItem());
        }

        return items;
    }

    /// <summary>The create; when its outcome is unknown, the error names the key and the exact command that finishes the job without paying twice.</summary>
    private static async Task<Generation> CreateAsync(RivyaClient client, CreateBody body, string key, IEnumerable<string> tokens, CliContext context)
    {
        context.Interrupts.Stopping.ThrowIfCancellationRequested();
        try
        {
            return await client.Generations.CreateAsync(body.ToRequest(), new RequestOptions { IdempotencyKey = key }, context.Interrupts.CreateGrace).ConfigureAwait(false);
        }
        catch (Exception e) when (OutcomeUnknown(e))
        {
            var again = tokens.ToList();
            var at = again.IndexOf("--idempotency-key");
            if (at >= 0 && at + 1 < again.Count)
            {
                again.RemoveRange(at, 2);
            }

            again.AddRange(["--idempotency-key", key]);
            var exitCode = ErrorReport.ExitCode(e);
            var message = ErrorReport.Message(e)["error: ".Length..];
            throw new CliException(
                exitCode,
                $"{message}\nThe create's outcome is unknown: the task may exist (idempotency key {ShellQuote.Quote(key)}). Finish the job without paying twice:\n  {ShellQuote.Command(again)}");
        }
    }

    /// <summary>A failure after which the server may have made (and charged) the task: the network, a 5xx, a cancel mid-call.</summary>
    private static bool OutcomeUnknown(Exception e) => e switch
    {
        RivyaConnectionException => true,
        OperationCanceledException => true,
        RivyaApiException api => (int)api.StatusCode >= 500,
        _ => false,
    };
}
