using System.CommandLine;

namespace Rivya.Cli.Cli;

/// <summary>Options several commands share, made fresh for each (an option belongs to one command).</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print JSON (Rivya's wire shape) instead of live output; the default when stdout is not a terminal." };

    public static Option<string?> Out(string description) => new("--out") { Description = description, HelpName = "file" };

    public static Option<bool> Overwrite() => new("--overwrite") { Description = "Replace an existing --out file (otherwise exit 2 before anything is sent)." };

    public static Argument<string> TaskId() => new("task-id") { Description = "The task id (task_...)." };

    /// <summary>JSON when asked, or whenever stdout is not a terminal (so `rivya ... | jq` works).</summary>
    public static bool UseJson(CliContext context, bool json) => json || !context.OutputIsTerminal;
}
