using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace Rivya.Cli.Tests.Support;

/// <summary>rivya as a real process: its exit code, stdout and stderr (stdout is redirected, so it prints JSON).</summary>
internal sealed class RivyaProcess : IDisposable
{
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private RivyaProcess(Process process) => Process = process;

    public Process Process { get; }

    public string Stdout
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public IReadOnlyList<string> StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static RivyaProcess Start(string workingDirectory, IEnumerable<(string Name, string? Value)> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Repo.Dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Repo.RivyaDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("RIVYA_API_KEY");
        start.Environment.Remove("RIVYA_BASE_ADDRESS");
        foreach (var (name, value) in environment.Where(e => e.Value is not null))
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var result = new RivyaProcess(process);
        process.OutputDataReceived += (_, e) => Append(result._out, e.Data);
        process.ErrorDataReceived += (_, e) => Append(result._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Runs rivya to its end (bounded) and returns it.</summary>
    public static async Task<RivyaProcess> RunAsync(string workingDirectory, IEnumerable<(string, string?)> environment, params string[] args)
    {
        var run = Start(workingDirectory, environment, args);
        await run.WaitAsync();
        return run;
    }

    public async Task<int> WaitAsync()
    {
        await Process.WaitForExitAsync().WaitAsync(Eventually.Bound);
        Process.WaitForExit(); // drains the redirected streams
        return Process.ExitCode;
    }

    public int ExitCode => Process.ExitCode;

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }
}
