// Batch: one generation per Kling model, all four at once, with a progress bar each (Spectre.Console).
//   dotnet run --project samples/Batch
// With RIVYA_API_KEY set this talks to rivya.ai (and spends credits); without it, to a local fake Rivya.
using Rivya.Samples;
using Rivya.Sdk;
using Spectre.Console;

await using var environment = SampleEnvironment.Start();
using var client = environment.CreateClient(); // one client for every call: it is thread-safe

const string Prompt = "A paper boat drifting down a rainy city street, golden hour";
ModelParams[] jobs =
[
    new KlingV21MasterParams { Duration = 5, CfgScale = 0.5 },
    new KlingV25TurboProParams { Duration = 5, NegativePrompt = "blur" },
    new Kling26Params { Duration = 5, Sound = false },
    new Kling30Params { Mode = Kling30Mode.Std, Duration = 5 },
];

try
{
    Outcome[] outcomes;
    if (AnsiConsole.Profile.Capabilities.Interactive)
    {
        outcomes = await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(ctx => Task.WhenAll(jobs.Select(job => RunAsync(job, new StatusBar(ctx.AddTask(job.ModelId), job.ModelId)))));
    }
    else
    {
        // No terminal to redraw (CI, a pipe, a file): one plain line per status change instead of bars.
        outcomes = await Task.WhenAll(jobs.Select(job =>
            RunAsync(job, new InlineProgress<Generation>(g => Console.WriteLine($"  {job.ModelId}: {g.Status}")))));
    }

    foreach (var outcome in outcomes)
    {
        Console.WriteLine(outcome.Error is null
            ? $"succeeded {outcome.Model}: {outcome.Url}"
            : $"failed    {outcome.Model}: {outcome.Error}");
    }

    var succeeded = outcomes.Count(o => o.Error is null);
    Console.WriteLine($"{succeeded} of {outcomes.Length} generations succeeded.");
    return succeeded == outcomes.Length ? 0 : 1;
}
catch (OperationCanceledException e)
{
    return SampleEnvironment.Fail(e);
}

// One generation, start to finish. A failure is kept as its outcome, so the other generations carry on.
async Task<Outcome> RunAsync(ModelParams job, IProgress<Generation> progress)
{
    try
    {
        var request = new GenerationRequest { Prompt = Prompt, Params = job };
        var done = await client.Generations.CreateAndWaitAsync(
            request, environment.WaitOptions with { Progress = progress }, cancellationToken: environment.CancellationToken);
        return new Outcome(job.ModelId, done.Result?.PrimaryUrl, Error: null);
    }
    catch (RivyaException e)
    {
        return new Outcome(job.ModelId, Url: null, e.Message);
    }
}

internal sealed record Outcome(string Model, string? Url, string? Error);
