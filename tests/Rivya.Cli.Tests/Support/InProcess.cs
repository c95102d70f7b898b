using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Rivya.Cli.Cli;

namespace Rivya.Cli.Tests.Support;

/// <summary>rivya run in the test's process with its own streams and environment (for parsing and validation).</summary>
internal sealed record InProcess(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<InProcess> RunAsync(string directory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var interrupts = Interrupts.Manual();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            Environment = name => environment.GetValueOrDefault(name),
            CurrentDirectory = directory,
            OutputIsTerminal = false,
            Interrupts = interrupts,
        };
        var code = await CliApp.RunAsync(args, context).WaitAsync(Eventually.Bound);
        return new InProcess(code, output.ToString(), error.ToString());
    }

    public static Task<InProcess> RunAsync(string directory, params string[] args) =>
        RunAsync(directory, new Dictionary<string, string?>(), args);

    public static Dictionary<string, string?> Env(params (string Name, string? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}
