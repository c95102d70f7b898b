// Quickstart: create a kling-3-0 generation, wait for it while printing each status change, download the video.
//   dotnet run --project samples/Quickstart
// With RIVYA_API_KEY set this talks to rivya.ai (and spends credits); without it, to a local fake Rivya.
using Rivya.Samples;
using Rivya.Sdk;

await using var environment = SampleEnvironment.Start();
using var client = environment.CreateClient();

var request = new GenerationRequest
{
    Prompt = "A cinematic product reveal with smooth camera movement",
    Params = new Kling30Params { Mode = Kling30Mode.Std, Duration = 5, AspectRatio = AspectRatio.Landscape },
};

// Told once per status change: queued, processing, succeeded.
var waitOptions = environment.WaitOptions with
{
    Progress = new InlineProgress<Generation>(g => Console.WriteLine($"  {g.Id}: {g.Status}")),
};

try
{
    Console.WriteLine($"Creating a {request.Params.ModelId} generation and waiting for it...");
    Generation done = await client.Generations.CreateAndWaitAsync(request, waitOptions, cancellationToken: environment.CancellationToken);

    Console.WriteLine($"Generation {done.Id} succeeded ({done.FinalCredits} credits): {done.Result?.PrimaryUrl}");

    // A separate, safe step: resumes after a cut, never creates the task again. The file appears only when complete.
    var path = Path.Combine(Path.GetTempPath(), "rivya-samples", done.Id + ".mp4");
    FileInfo video = await client.Generations.DownloadAsync(done, path, new DownloadOptions { Overwrite = true }, environment.CancellationToken);
    Console.WriteLine($"Downloaded {video.Length} bytes to {video.FullName}");
    return 0;
}
catch (Exception e) when (e is RivyaException or OperationCanceledException or IOException or UnauthorizedAccessException)
{
    return SampleEnvironment.Fail(e);
}
