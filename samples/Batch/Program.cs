// Batch: one generation per Kling model, all four at once through CreateAndWaitManyAsync, with a progress bar each
// (Spectre.Console).
//   dotnet run --project samples/Batch
// With RIVYA_API_KEY set this talks to rivya.ai (and spends credits); without it, to a local fake Rivya.
using Rivya.Samples;
using Rivya.Sdk;
using Spectre.Console;

await using var environment = SampleEnvironment.Start();
using var client = environment.CreateClient(); // one client for every call: it is thread-safe

const string Prompt = "A paper boat drifting down a rainy city street, golden hour";
GenerationRequest[] requests =
[
    new() { Prompt = Prompt, Params = new KlingV21MasterParams { Duration = 5, CfgScale = 0.5 }, ClientRequestId = "boat-v21" },
    new() { Prompt = Prompt, Params = new KlingV25TurboProParams { Duration = 5, NegativePrompt = "blur" }, ClientRequestId = "boat-v25" },
    new() { Prompt = Prompt, Params = new Kling26Params { Duration = 5, Sound = false }, ClientRequestId = "boat-26" },
    new() { Prompt = Prompt, Params = new Kling30Params { Mode = Kling30Mode.Std, Duration = 5 }, ClientRequestId = "boat-30" },
];
Console.WriteLine($"Estimated cost: {requests.Sum(r => r.EstimateCredits() ?? 0)} credits.");

try
{
    var results = new List<BatchItemResult>();
    if (AnsiConsole.Profile.Capabilities.Interactive)
    {
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                // Each request is a different model here, so a status change finds its bar by the task's model.
                var bars = requests.ToDictionary(r => r.Params.ModelId, r => new StatusBar(ctx.AddTask(r.Params.ModelId), r.Params.ModelId));
                var progress = new InlineProgress<Generation>(g => { if (g.Model is { } model && bars.TryGetValue(model, out var bar)) { bar.Report(g); } });
                await RunAsync(progress);
            });
    }
    else
    {
        // No terminal to redraw (CI, a pipe, a file): one plain line per status change instead of bars.
        await RunAsync(new InlineProgress<Generation>(g => Console.WriteLine($"  {g.Model}: {g.Status}")));
    }

    foreach (var item in results.OrderBy(r => r.Index))
    {
        Console.WriteLine(item.Succeeded
            ? $"succeeded {item.Request.Params.ModelId}: {item.Generation!.Result?.PrimaryUrl}"
            : $"failed    {item.Request.Params.ModelId}: {item.Error!.Message} (task {item.Error.TaskId ?? "none"}, key {item.IdempotencyKey})");
    }

    var succeeded = results.Count(r => r.Succeeded);
    Console.WriteLine($"{succeeded} of {requests.Length} generations succeeded.");
    return succeeded == requests.Length ? 0 : 1;

    // Every item at once (4 in flight), one rate-limit budget, stable keys (the ClientRequestIds): running the sample
    // again reaches the same tasks instead of paying twice. A failure is reported in its item, not thrown.
    async Task RunAsync(IProgress<Generation> progress)
    {
        var options = new BatchOptions { MaxConcurrency = 4, Wait = environment.WaitOptions with { Progress = progress } };
        await foreach (var item in client.Generations.CreateAndWaitManyAsync(requests, options, environment.CancellationToken))
        {
            results.Add(item);
        }
    }
}
catch (OperationCanceledException e)
{
    return SampleEnvironment.Fail(e);
}
