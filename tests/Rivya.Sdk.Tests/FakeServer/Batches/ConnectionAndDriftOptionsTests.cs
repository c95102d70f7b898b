using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rivya.Sdk.Http;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Batches;

public sealed class ConnectionAndDriftOptionsTests
{
    [Fact]
    public void The_sdks_handler_caps_connections_per_server_and_allows_http2()
    {
        using var handler = (SocketsHttpHandler)RivyaHttpHandler.Create(new RivyaClientOptions { MaxConnectionsPerServer = 64 });
        using var byDefault = (SocketsHttpHandler)RivyaHttpHandler.Create(new RivyaClientOptions());

        handler.MaxConnectionsPerServer.Should().Be(64);
        byDefault.MaxConnectionsPerServer.Should().Be(256);
        handler.EnableMultipleHttp2Connections.Should().BeTrue();
    }

    [Fact]
    public void A_cap_below_one_is_refused_with_the_other_option_errors()
    {
        var build = () => new RivyaClient(new RivyaClientOptions { ApiKey = "rvya_sk_test", MaxConnectionsPerServer = 0 });

        build.Should().Throw<ArgumentException>().WithMessage("*MaxConnectionsPerServer must be 1 or more*");
    }

    [Fact]
    public async Task The_cap_and_the_drift_warning_bind_from_configuration_and_reach_the_di_handler()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rivya:ApiKey"] = "rvya_sk_test",
            ["Rivya:MaxConnectionsPerServer"] = "12",
            ["Rivya:WarnOnCatalogDrift"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddRivyaClient(configuration.GetSection("Rivya"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<RivyaClientOptions>>().Value;
        options.MaxConnectionsPerServer.Should().Be(12);
        options.WarnOnCatalogDrift.Should().BeTrue();
        options.ToString().Should().Contain("MaxConnectionsPerServer = 12").And.NotContain("rvya_sk_test");
        var handlerOptions = provider.GetRequiredService<IOptionsMonitor<Microsoft.Extensions.Http.HttpClientFactoryOptions>>().Get(RivyaServiceCollectionExtensions.HttpClientName);
        handlerOptions.HttpMessageHandlerBuilderActions.Should().NotBeEmpty();
    }

    [Fact]
    public async Task The_start_up_drift_warning_is_logged_once_when_asked_and_no_call_is_made_otherwise()
    {
        await using var fake = FakeRivyaServer.Start();
        var catalogue = JsonNode.Parse(fake.ModelCatalogJson!)!;
        catalogue["data"]!.AsArray().Single(m => (string?)m!["id"] == "kling-3-0")!["base_credits"] = 95;
        fake.ModelCatalogJson = catalogue.ToJsonString();
        var logs = new CapturingLoggerProvider();

        using (new RivyaClient(new RivyaClientOptions { ApiKey = fake.ApiKey, BaseAddress = fake.BaseAddress, LoggerFactory = logs }))
        {
        }

        fake.Requests.Should().BeEmpty("no catalogue call unless asked");

        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = fake.ApiKey, BaseAddress = fake.BaseAddress, LoggerFactory = logs, WarnOnCatalogDrift = true });
        client.CatalogDriftCheck.Should().NotBeNull("WarnOnCatalogDrift starts one check");
        await client.CatalogDriftCheck!.Bound();

        logs.WithEventId(41).Should().ContainSingle().Which.Message.Should().Contain("kling-3-0: BaseCredits 90 -> 95");
        fake.Requests.Should().ContainSingle().Which.Path.Should().Be("/api/v1/models");
    }
}
