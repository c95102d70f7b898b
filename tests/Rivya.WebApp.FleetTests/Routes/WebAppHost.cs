using Microsoft.AspNetCore.Mvc.Testing;
using Rivya.Sdk.Testing;

namespace Rivya.WebApp.FleetTests.Routes;

/// <summary>
/// The web app in-process (<c>--role all</c>, in-memory Hangfire), pointed by configuration at a fake Rivya this test
/// owns (so it can fail a generation on demand), with videos in a folder of its own.
/// </summary>
public sealed class WebAppHost : WebApplicationFactory<Program>
{
    public WebAppHost()
    {
        VideosPath = Directory.CreateTempSubdirectory("rivya-webapp-").FullName;
    }

    public FakeRivyaServer Fake { get; } = FakeRivyaServer.Start();

    public string VideosPath { get; }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads these before it builds the app.
        builder.UseSetting("Rivya:ApiKey", Fake.ApiKey);
        builder.UseSetting("Rivya:BaseAddress", Fake.BaseAddress.ToString());
        builder.UseSetting("Videos:Path", VideosPath);
        builder.UseSetting("Videos:PollInterval", "00:00:00.100");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Fake.Dispose();
            if (Directory.Exists(VideosPath))
            {
                Directory.Delete(VideosPath, recursive: true);
            }
        }
    }
}
