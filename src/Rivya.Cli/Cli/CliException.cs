using System;

namespace Rivya.Cli.Cli;

/// <summary>A failure the command line found itself, with the exit code it means. Its message is safe to print.</summary>
internal class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    public int ExitCode { get; }
}

/// <summary>A usage or validation error found locally: nothing was sent (exit 2).</summary>
internal sealed class UsageException : CliException
{
    public UsageException(string message)
        : base(ExitCodes.Usage, message)
    {
    }
}
