using Rivya.Sdk;
using Rivya.Sdk.Testing;

namespace Rivya.Samples.WebApp.Hosting;

/// <summary>
/// Which Rivya the app talks to. With a key (<c>Rivya:ApiKey</c>, or <c>RIVYA_API_KEY</c>): the configured one
/// (<c>Rivya:BaseAddress</c>, else rivya.ai). Without: a <see cref="FakeRivyaServer"/> started in this process, so a
/// fresh clone runs with no key and spends nothing. The fake is pointed at by configuration, exactly as a real
/// address would be: the rest of the app cannot tell.
/// </summary>
internal static class RivyaBackend
{
    /// <summary>Starts the fake when no key is configured, and adds its address and key to the configuration; null otherwise.</summary>
    public static FakeRivyaServer? UseFakeWhenNoKey(WebApplicationBuilder builder, AppRole role)
    {
        var configuration = builder.Configuration;
        if (!string.IsNullOrWhiteSpace(configuration["Rivya:ApiKey"])
            || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RivyaClientOptions.ApiKeyEnvironmentVariable)))
        {
            Console.WriteLine($"Rivya: a key is configured; talking to {configuration["Rivya:BaseAddress"] ?? RivyaClientOptions.DefaultBaseAddress.ToString()}.");
            return null;
        }

        var fake = FakeRivyaServer.Start();
        configuration.AddInMemoryCollection(
        [
            new("Rivya:BaseAddress", fake.BaseAddress.ToString()),
            new("Rivya:ApiKey", fake.ApiKey),
        ]);
        Console.WriteLine($"Rivya: no key configured (Rivya:ApiKey or RIVYA_API_KEY); using an in-process fake Rivya at {fake.BaseAddress}; no credits are spent.");
        if (role.Name != "all")
        {
            // Each process would have its own fake, and a task one made is unknown to the others.
            Console.WriteLine("Rivya: --role web/worker with the in-process fake only works alone; a fleet needs a shared Rivya (Rivya:BaseAddress and a key).");
        }

        return fake;
    }
}
