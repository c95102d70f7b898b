using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.DependencyInjection;

/// <summary>The resolved client is shared per registration (free per scope) yet follows the factory's handler rotation.</summary>
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
    public async Task The_handler_chain_is_taken_from_the_factory_again_once_the_handler_lifetime_has_passed()
    {
        var clock = new TestClock();
        var handlers = new CountingHandlerFactory();
        using var provider = Provider(clock, TimeSpan.FromMinutes(2), handlers);
        var client = provider.GetRequiredService<RivyaClient>();

        await client.Credits.GetBalanceAsync().Bound();
        clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        await client.Credits.GetBalanceAsync().Bound();
        var beforeLifetime = handlers.Created;
        clock.Advance(TimeSpan.FromTicks(1));
        await client.Credits.GetBalanceAsync().Bound();
        await client.Credits.GetBalanceAsync().Bound();

        beforeLifetime.Should().Be(1);
        handlers.Created.Should().Be(2);
        handlers.Names.Should().OnlyContain(n => n == RivyaServiceCollectionExtensions.HttpClientName);
        provider.GetRequiredService<RivyaClient>().Should().BeSameAs(client);
    }

    [Fact]
    public async Task An_infinite_handler_lifetime_keeps_one_handler_chain()
    {
        var clock = new TestClock();
        var handlers = new CountingHandlerFactory();
        using var provider = Provider(clock, System.Threading.Timeout.InfiniteTimeSpan, handlers);
        var client = provider.GetRequiredService<RivyaClient>();

        await client.Credits.GetBalanceAsync().Bound();
        clock.Advance(TimeSpan.FromDays(3));
        await client.Credits.GetBalanceAsync().Bound();

        handlers.Created.Should().Be(1);
    }

    [Fact]
    public void The_factory_http_client_actions_apply_to_the_shared_client()
    {
        var services = new ServiceCollection();
        services.AddRivyaClient(o => o.ApiKey = TestKeys.ApiKey)
            .ConfigureHttpClient(http => http.DefaultRequestHeaders.Add("X-Tenant", "t-1"));
        using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<RivyaClient>().HttpClient;

        http.Timeout.Should().Be(System.Threading.Timeout.InfiniteTimeSpan);
        http.DefaultRequestHeaders.GetValues("X-Tenant").Should().Equal("t-1");
    }

    [Fact]
    public async Task Each_call_is_logged_by_the_sdk_once_not_again_by_the_factory_logging_handlers()
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddRivyaClient(o =>
        {
            o.ApiKey = TestKeys.ApiKey;
            o.BaseAddress = new Uri("http://127.0.0.1:9/");
        }).ConfigurePrimaryHttpMessageHandler(() => new BalanceHandler());
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<CreditsClient>().GetBalanceAsync().Bound();

        logs.Records.Should().Contain(r => r.Category == "Rivya.Sdk");
        logs.Records.Should().NotContain(r => r.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
    }

    private static ServiceProvider Provider(TestClock clock, TimeSpan? lifetime = null, IHttpMessageHandlerFactory? handlers = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        var builder = services.AddRivyaClient(o =>
        {
            o.ApiKey = TestKeys.ApiKey;
            o.BaseAddress = new Uri("http://127.0.0.1:9/");
        });
        if (lifetime is { } value)
        {
            builder.SetHandlerLifetime(value);
        }

        if (handlers is not null)
        {
            services.AddSingleton(handlers);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Stands in for the factory's handler chains: counts them, and each answers a balance at once.</summary>
    private sealed class CountingHandlerFactory : IHttpMessageHandlerFactory
    {
        private readonly List<string> _names = [];

        public int Created => _names.Count;

        public IReadOnlyList<string> Names => _names;

        public HttpMessageHandler CreateHandler(string name)
        {
            _names.Add(name);
            return new BalanceHandler();
        }
    }

    private sealed class BalanceHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{\"current_credits\":7}", Encoding.UTF8, "application/json"),
            });
    }
}
