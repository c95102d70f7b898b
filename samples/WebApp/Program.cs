// WebApp: generations behind an ASP.NET Core API, run by Hangfire jobs that survive restarts and spread over workers.
//   dotnet run --project samples/WebApp                       (no key, no database: in-process fake Rivya, in-memory jobs)
//   curl -i localhost:5000/videos -H 'Content-Type: application/json' \
//        -d '{"model":"kling-3-0","prompt":"A lighthouse at dusk","params":{"duration":"5"}}'
//   curl localhost:5000/videos/<id>        curl -o video.mp4 localhost:5000/videos/<id>/file
// A fleet: ConnectionStrings__Hangfire=<PostgreSQL>, Rivya__ApiKey=<key>, the same Videos__Path everywhere, then
// N processes with --role worker and M with --role web. See docs/production.md.
using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Rivya.Samples.WebApp.Hosting;
using Rivya.Samples.WebApp.Videos;

var builder = WebApplication.CreateBuilder(args);
var role = AppRole.From(builder.Configuration);
var fake = RivyaBackend.UseFakeWhenNoKey(builder, role);
builder.Services.AddRivyaClient(builder.Configuration.GetSection("Rivya"));
builder.AddVideoJobs(role, fakeRivya: fake is not null);
builder.Services.AddProblemDetails();

var app = builder.Build();
if (fake is not null)
{
    app.Lifetime.ApplicationStopped.Register(fake.Dispose);
}

if (role.ServesVideos)
{
    app.MapVideoRoutes();
}

app.MapGet("/health", () => Results.Ok(new { status = "ok", role = role.Name }));

// One line a script can wait for: where this process listens and what it does.
app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    Console.WriteLine($"WebApp ({role.Name}) listening on {string.Join(", ", addresses)}; storage: {app.Services.GetRequiredService<JobStorage>()}");
});

app.Run();

/// <summary>The app's entry point; public so tests can host it (WebApplicationFactory).</summary>
public partial class Program;
