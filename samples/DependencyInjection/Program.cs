// DependencyInjection: RivyaClient from a generic host, configured by appsettings.json ("Rivya"), logging to the console,
// and its metrics (the "Rivya.Sdk" Meter) printed by the OpenTelemetry console exporter when the program ends.
//   dotnet run --project samples/DependencyInjection
// With RIVYA_API_KEY set this talks to rivya.ai (and spends credits); without it, to a local fake Rivya.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Rivya.Samples;
using Rivya.Sdk;

await using var environment = SampleEnvironment.Start();

// The SDK's Meter costs nothing until something listens; here OpenTelemetry does, and prints every instrument at the
// end (rivya.client.requests, rivya.client.generations, rivya.client.credits.reserved, rivya.client.wait.duration...).
using var meters = Sdk.CreateMeterProviderBuilder()
    .AddMeter("Rivya.Sdk")
    .AddConsoleExporter()
    .Build();
var ct = environment.CancellationToken;

// appsettings.json is copied beside the program, so it is found from any current directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
// Offline only: Rivya:BaseAddress and Rivya:ApiKey of the local fake, added last so they win over appsettings.json.
builder.Configuration.AddInMemoryCollection(environment.ConfigurationOverrides("Rivya"));
builder.Services.AddRivyaClient(builder.Configuration.GetSection("Rivya"));

using var host = builder.Build();
var logger = host.Services.GetRequiredService<ILogger<Program>>();
try
{
    await host.StartAsync(ct); // validates the Rivya options: a non-https address fails here, before any call

    var client = host.Services.GetRequiredService<RivyaClient>();

    IReadOnlyList<RivyaModel> models = await client.Models.ListAsync(ct);
    foreach (var model in models)
    {
        Log.Model(logger, model.Id, model.BaseCredits, model.ApiStatus);
    }

    CreditBalance balance = await client.Credits.GetBalanceAsync(ct);
    Log.Balance(logger, balance.CurrentCredits);

    var request = new GenerationRequest
    {
        Prompt = "A lighthouse on a cliff at dusk, waves crashing below",
        Params = new Kling26Params { Duration = 5, AspectRatio = AspectRatio.Portrait },
    };
    var waitOptions = environment.WaitOptions with
    {
        Progress = new InlineProgress<Generation>(g => Log.Status(logger, g.Id, g.Status)),
    };
    Generation done = await client.Generations.CreateAndWaitAsync(request, waitOptions, cancellationToken: ct);
    Log.Succeeded(logger, done.Id, done.Result?.PrimaryUrl);

    await host.StopAsync(ct);
    return 0;
}
catch (Exception e) when (e is RivyaException or OperationCanceledException or OptionsValidationException)
{
    return SampleEnvironment.Fail(e);
}
