using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rivya.Sdk;

// Exercises the reflection-prone paths: JSON writing and reading, configuration binding, DI, validation.
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Rivya:ApiKey"] = "rvya_sk_aot_probe",
    ["Rivya:Timeout"] = "00:00:42",
}).Build();
var services = new ServiceCollection();
services.AddRivyaClient(configuration.GetSection("Rivya"));
using var provider = services.BuildServiceProvider();
var options = provider.GetRequiredService<IOptions<RivyaClientOptions>>().Value;
var client = provider.GetRequiredService<RivyaClient>();

var request = new GenerationRequest
{
    Prompt = "AOT",
    Params = new Kling30Params { Duration = 20, ReferenceMediaItems = [ReferenceMediaItem.Image("https://cdn.example.com/a.png", "image/png")] },
};
var errors = request.Validate();
var generation = JsonSerializer.Deserialize(
    """{ "id": "task_1", "status": "succeeded", "result": { "primary_url": "https://x/y.mp4", "urls": ["https://x/y.mp4"] } }""",
    Rivya.Sdk.Serialization.RivyaJsonContext.Default.Generation);

var ok = options.Timeout == TimeSpan.FromSeconds(42) && client.Generations is not null && errors.Count == 1
    && generation is { IsTerminal: true, Result.PrimaryUrl: "https://x/y.mp4" };
Console.WriteLine(ok ? "aot probe: ok" : "aot probe: FAILED");
return ok ? 0 : 1;
