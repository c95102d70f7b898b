// ImageToVideo: upload a reference image, then animate it with kling-3-0.
//   dotnet run --project samples/ImageToVideo               (a 512x512 PNG made in code)
//   dotnet run --project samples/ImageToVideo -- cat.png    (your own JPEG, PNG or WebP, at most 10 MB)
// With RIVYA_API_KEY set this talks to rivya.ai (and spends credits); without it, to a local fake Rivya.
using Rivya.Samples;
using Rivya.Sdk;

await using var environment = SampleEnvironment.Start();
using var client = environment.CreateClient();
var ct = environment.CancellationToken;

// The file is checked (type from its bytes, size, the model's rules) before anything is sent.
var upload = args.Length > 0
    ? FileUpload.FromPath(args[0], MediaKind.Image)
    : FileUpload.FromBytes(SolidColorPng.Create(512, 512, red: 0x2E, green: 0x86, blue: 0xDE), "reference.png", MediaKind.Image);

try
{
    RivyaFile file = await client.Files.UploadAsync(upload with { Model = "kling-3-0" }, cancellationToken: ct);
    Console.WriteLine($"Uploaded {file.Name} ({file.MimeType}, {file.SizeBytes} bytes) as {file.Id}: {file.Url}");

    var request = new GenerationRequest
    {
        Prompt = "The camera slowly pushes in while soft light sweeps across the scene",
        Params = new Kling30Params { Mode = Kling30Mode.Std, Duration = 5, ReferenceMediaItems = [file.ToReferenceMediaItem()] },
    };
    var waitOptions = environment.WaitOptions with
    {
        Progress = new InlineProgress<Generation>(g => Console.WriteLine($"  {g.Id}: {g.Status}")),
    };

    Generation done = await client.Generations.CreateAndWaitAsync(request, waitOptions, cancellationToken: ct);
    Console.WriteLine($"Image-to-video generation {done.Id} succeeded: {done.Result?.PrimaryUrl}");

    var path = Path.Combine(Path.GetTempPath(), "rivya-samples", done.Id + ".mp4");
    FileInfo video = await client.Generations.DownloadAsync(
        done,
        path,
        new DownloadOptions { Overwrite = true, Progress = new InlineProgress<DownloadProgress>(p => Console.WriteLine(FormattableString.Invariant($"  {p.BytesReceived} of {p.TotalBytes} bytes"))) },
        ct);
    Console.WriteLine($"Downloaded {video.Length} bytes to {video.FullName}");
    return 0;
}
catch (Exception e) when (e is RivyaException or OperationCanceledException or IOException or UnauthorizedAccessException)
{
    return SampleEnvironment.Fail(e);
}
