using System.IO;
using Spectre.Console;

namespace Rivya.Cli.Output;

/// <summary>A Spectre.Console console over stdout (what a person sees on a terminal).</summary>
internal static class Terminal
{
    public static IAnsiConsole For(TextWriter output) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
}
