using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Cli.Cli;
using Rivya.Cli.Commands;

namespace Rivya.Cli;

/// <summary>
/// Parses the arguments (System.CommandLine) and runs one command. A parse error exits 2 before anything is sent;
/// every failure a command throws becomes its exit code and one message on stderr (<see cref="ErrorReport"/>).
/// </summary>
internal static class CliApp
{
    public static RootCommand BuildRoot(CliContext context) =>
        new("rivya: generate Kling videos with Rivya, and run resumable batches from a JSONL or CSV file. The key comes from RIVYA_API_KEY.")
        {
            GenerateCommand.Create(context),
            TaskCommands.Status(context),
            TaskCommands.Wait(context),
            TaskCommands.Download(context),
            AccountCommands.Credits(context),
            AccountCommands.Models(context),
            AccountCommands.CheckCatalog(context),
            BatchCommand.Create(context),
        };

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var parsed = BuildRoot(context).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await context.Error.WriteLineAsync("error: " + Output.Printable.Text(error.Message)).ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync("Try 'rivya --help'.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            // Ctrl+C is ours (Interrupts): the first stops submitting, the second ends the process.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        return await parsed.InvokeAsync(configuration, CancellationToken.None).ConfigureAwait(false);
    }
}
