using Rivya.Cli.Cli;
using Spectre.Console;

namespace Rivya.Cli.Output;

/// <summary>A Spectre.Console console over the context's stdout (what a person sees on a terminal).</summary>
internal static class Terminal
{
    public static IAnsiConsole For(CliContext context) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Interactive = InteractionSupport.No,
        });
}
