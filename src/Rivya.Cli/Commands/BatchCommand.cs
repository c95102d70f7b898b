using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Rivya.Cli.Batches;
using Rivya.Cli.Cli;
using Rivya.Cli.Output;

namespace Rivya.Cli.Commands;

/// <summary>
/// <c>rivya batch</c>: validate every row (all errors, exit 2, nothing sent), plan against the journal in --out,
/// estimate and check the budget, then run (or, with --dry-run, print the plan, the estimate and the balance).
/// </summary>
internal static class BatchCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A .jsonl file (one create a line, Rivya's wire shape) or a .csv file (a header row: model, prompt, client_request_id, image, any parameter)." };
        var output = new Option<string>("--out") { Description = "The output folder: the videos (<row-id>.mp4) and the journal. The same --out resumes; a new one is a new run.", Required = true, HelpName = "dir" };
        var concurrency = new Option<int>("--concurrency") { Description = "How many rows run at once (1 to 64).", DefaultValueFactory = _ => 4 };
        var budget = new Option<decimal?>("--budget") { Description = "Refuse before any create when the estimated credits exceed this, or the balance." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate every row and print the estimate and the balance; send no create." };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Submit rows whose generation failed in an earlier run again, with a new key (paid again)." };
        var json = CommonOptions.Json();
        var command = new Command("batch", "Run one generation per row of a file, resumably: a journal in --out records every step.")
        {
            file, output, concurrency, budget, dryRun, retryFailed, json,
        };

        command.SetAction(result => CommandGuard.RunAsync(context, async () =>
        {
            var parallel = result.GetValue(concurrency);
            if (parallel is < 1 or > 64)
            {
                throw new UsageException("--concurrency must be from 1 to 64.");
            }

            if (result.GetValue(budget) is < 0)
            {
                throw new UsageException("--budget must not be negative.");
            }

            var input = context.FullPath(result.GetRequiredValue(file));
            var folder = context.FullPath(result.GetRequiredValue(output));
            var rows = BatchFile.Read(input);
            var invalid = rows.Where(r => r.Errors.Count > 0).ToList();
            if (rows.Count == 0)
            {
                throw new UsageException($"{Printable.Text(input)} holds no rows.");
            }

            if (invalid.Count > 0)
            {
                throw new UsageException(FormattableString.Invariant($"{invalid.Count} of {rows.Count} rows break documented rules (nothing was sent):")
                    + string.Concat(invalid.SelectMany(r => r.Errors.Select(e => $"\n  row {Printable.Text(r.Id)} (line {r.Line.ToString(CultureInfo.InvariantCulture)}): {Printable.Text(e)}"))));
            }

            var resuming = Journal.ExistsIn(folder);
            if (!resuming && rows.FirstOrDefault(r => File.Exists(Path.Combine(folder, r.FileName))) is { } taken)
            {
                throw new UsageException($"{Printable.Text(Path.Combine(folder, taken.FileName))} exists and {Printable.Text(folder)} holds no journal: choose a new --out (nothing was sent).");
            }

            var plan = BatchPlan.Make(rows, Journal.Peek(folder), folder, result.GetValue(retryFailed));
            var estimate = BatchPlan.Estimate(plan);
            var useJson = CommonOptions.UseJson(context, result.GetValue(json));
            var hasKey = ClientSetup.ApiKey(context) is not null;
            using var client = ClientSetup.CreateClient(context);
            decimal? balance = null;
            if (hasKey && (result.GetValue(dryRun) || result.GetValue(budget) is not null))
            {
                balance = (await client.Credits.GetBalanceAsync(context.Interrupts.Stopping).ConfigureAwait(false)).CurrentCredits;
            }

            var refusal = result.GetValue(budget) is { } limit && estimate > limit
                ? FormattableString.Invariant($"the estimate, {estimate} credits, is over --budget {limit} (nothing was sent).")
                : result.GetValue(budget) is not null && balance is { } have && estimate > have
                    ? FormattableString.Invariant($"the estimate, {estimate} credits, is over the balance, {have} (nothing was sent).")
                    : null;
            if (result.GetValue(dryRun))
            {
                await DryRunReport.PrintAsync(context, useJson, plan, estimate, balance, hasKey).ConfigureAwait(false);
                return refusal is null ? ExitCodes.Ok : throw new CliException(ExitCodes.Credits, refusal);
            }

            if (refusal is not null)
            {
                throw new CliException(ExitCodes.Credits, refusal);
            }

            ClientSetup.RequireKey(context);
            var reporter = new BatchReporter(context, useJson);
            int exitCode, pending;
            using (var journal = Journal.Open(folder))
            {
                journal.Run(input);
                (exitCode, pending) = await new BatchRunner(client, journal, reporter, context.Interrupts, folder).RunAsync(plan, parallel).ConfigureAwait(false);
            }

            reporter.Summary(pending);
            if (pending > 0 || exitCode is not (ExitCodes.Ok or ExitCodes.SomeFailed))
            {
                await context.Error.WriteLineAsync(FormattableString.Invariant($"{pending} row(s) not started or interrupted; the journal in {Printable.Text(folder)} has every step (a row with an error is tried again, with its key). Resume with:\n  {ShellQuote.Command(result.Tokens.Select(t => t.Value))}")).ConfigureAwait(false);
            }

            return exitCode;
        }));
        return command;
    }
}
