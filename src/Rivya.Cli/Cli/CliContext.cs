using System;
using System.IO;

namespace Rivya.Cli.Cli;

/// <summary>
/// What a command reads from and writes to outside itself: the streams, the environment, the current folder, whether
/// stdout is a terminal, and Ctrl+C. The process uses the real ones; tests drive commands in-process with their own.
/// </summary>
internal sealed class CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required Func<string, string?> Environment { get; init; }

    public required string CurrentDirectory { get; init; }

    /// <summary>Whether stdout is an interactive terminal (live output); otherwise JSON, as with --json.</summary>
    public required bool OutputIsTerminal { get; init; }

    public required Interrupts Interrupts { get; init; }

    public static CliContext ForProcess(Interrupts interrupts) => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        Environment = System.Environment.GetEnvironmentVariable,
        CurrentDirectory = Directory.GetCurrentDirectory(),
        OutputIsTerminal = !Console.IsOutputRedirected,
        Interrupts = interrupts,
    };

    /// <summary>A path as the user gave it, made absolute against <see cref="CurrentDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);
}
