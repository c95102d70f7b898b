using System;
using System.Threading.Tasks;

namespace Rivya.Cli.Cli;

/// <summary>Runs a command's body so that every failure is an exit code and one message on stderr (<see cref="ErrorReport"/>).</summary>
internal static class CommandGuard
{
    /// <summary>Runs a command's body: its failures become an exit code and a message on stderr.</summary>
    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The last line of defence: every failure is an exit code and a message, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await context.Error.WriteLineAsync(ErrorReport.Message(e)).ConfigureAwait(false);
            return ErrorReport.ExitCode(e);
        }
    }
}
