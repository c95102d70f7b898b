using System;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.DependencyInjection;

/// <summary>The resolved client is shared per registration (cheap per scope) yet follows the factory's handler rotation.</summary>
public sealed class SharedClientTests
{
    [Fact]
    public void Every_scope_gets_the_same_client_and_its_sub_clients_resolve_too()
    {
        using var provider = Provider(new TestClock());

        RivyaClient first, second;
        using (var scope = provider.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<RivyaClient>();
            scope.ServiceProvider.GetRequiredService<GenerationsClient>().Should().BeSameAs(first.Generations);
            scope.ServiceProvider.GetRequiredService<FilesClient>().Should().BeSameAs(first.Files);
            scope.ServiceProvider.GetRequiredService<CreditsClient>().Should().BeSameAs(first.Credits);
            scope.ServiceProvider.GetRequiredService<ModelsClient>().Should().BeSameAs(first.Models);
        }

        using (var scope = provider.CreateScope())
        {
            second = scope.ServiceProvider.GetRequiredService<RivyaClient>();
        }

        second.Should().BeSameAs(first);
    }

    [Fact]
    public async Task A_client_from_a_disposed_scope_still_works()
    {
        var clock = new TestClock();
        await using var fake = Rivya.Sdk.Testing.FakeRivyaServer.Start();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddRivyaClient(fake.ConfigureClient);
        using var provider = services.BuildServiceProvider();

        RivyaClient client;
        using (var scope = provider.CreateScope())
        {
            client = scope.ServiceProvider.GetRequiredService<RivyaClient>();
        }

        var balance = await client.Credits.GetBalanceAsync().WaitAsync(TimeSpan.FromSeconds(30));

        balance.CurrentCredits.Should().Be(fake.Balance);
    }

    [Fact]
    public void A_new_client_is_built_once_the_handler_lifetime_has_passed()
    {
        var clock = new TestClock();
        using var provider = Provider(clock, lifetime: TimeSpan.FromMinutes(2));

        var first = provider.GetRequiredService<RivyaClient>();
        clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        var stillFirst = provider.GetRequiredService<RivyaClient>();
        clock.Advance(TimeSpan.FromTicks(1));
        var renewed = provider.GetRequiredService<RivyaClient>();

        stillFirst.Should().BeSameAs(first);
        renewed.Should().NotBeSameAs(first);
        provider.GetRequiredService<RivyaClient>().Should().BeSameAs(renewed);
    }

    [Fact]
    public void An_infinite_handler_lifetime_keeps_one_client()
    {
        var clock = new TestClock();
        using var provider = Provider(clock, lifetime: System.Threading.Timeout.InfiniteTimeSpan);

        var first = provider.GetRequiredService<RivyaClient>();
        clock.Advance(TimeSpan.FromDays(3));

        provider.GetRequiredService<RivyaClient>().Should().BeSameAs(first);
    }

    private static ServiceProvider Provider(TestClock clock, TimeSpan? lifetime = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        var builder = services.AddRivyaClient(o => o.ApiKey = TestKeys.ApiKey);
        if (lifetime is { } value)
        {
            builder.SetHandlerLifetime(value);
        }

        return services.BuildServiceProvider();
    }
}
