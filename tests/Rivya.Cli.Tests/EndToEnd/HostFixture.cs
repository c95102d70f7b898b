using System.Threading.Tasks;
using Rivya.Cli.Tests.Support;
using Xunit;

namespace Rivya.Cli.Tests.EndToEnd;

/// <summary>One FakeRivyaHost process shared by a test class (a quick one: tasks take 0.2 s).</summary>
public sealed class HostFixture : IAsyncLifetime
{
    internal FakeHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await FakeHost.StartAsync();

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }
}
