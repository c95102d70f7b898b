using Rivya.Sdk;
using Spectre.Console;

namespace Rivya.Samples;

/// <summary>Shows a generation's status changes on a Spectre.Console progress bar.</summary>
/// <remarks>Rivya reports a status, not a percentage, so the bar moves in steps: queued, processing, done.</remarks>
internal sealed class StatusBar(ProgressTask bar, string model) : IProgress<Generation>
{
    public void Report(Generation value)
    {
        bar.Description = $"{model} [grey]{value.Status}[/]";
        bar.Value = value.Status == GenerationStatus.Queued ? 10
            : value.Status == GenerationStatus.Processing ? 50
            : value.IsTerminal ? 100
            : bar.Value;
    }
}
