using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.DependencyInjection;

/// <summary>
/// One unnamed client per container (a second registration is refused, not merged), more by name as keyed services,
/// a missing key found when the host starts, and a DI-resolved client's meter made by the host's <c>IMeterFactory</c>.
/// Runs alone: some cases clear <c>RIVYA_API_KEY</c>, which is process-wide.
/// </summary>
[Collection(ApiKeyEnvironmentTests.Name)]
public sealed class RegistrationTests
{
    private const string OtherKey = "rvya_sk_eu_0123456789abcdef0123456789abcdef";

    [Fact]
    public void A_second_unnamed_registration_is_refused_with_what_to_do()
    {
        var services = new ServiceCollection();
        services.AddRivyaClient(o => o.ApiKey = TestKeys.ApiKey);

        var second = () => services.AddRivyaClient(o => o.BaseAddress = new Uri("https://eu.example.com"));

        second.Should().Throw<InvalidOperationException>()
            .Which.Message.Should().Contain("one AddRivyaClient call").And.Contain("AddRivyaClient(\"eu\"").And.Contain("[FromKeyedServices(\"eu\")]");
    }

    [Fact]
    public void The_same_name_twice_is_refused_but_another_name_is_not()
    {
        var services = new ServiceCollection();
        services.AddRivyaClient(o => o.ApiKey = TestKeys.ApiKey);
        services.AddRivyaClient("eu", o => o.ApiKey = OtherKey);

        FluentActions.Invoking(() => services.AddRivyaClient("eu", o => o.ApiKey = OtherKey)).Should().Throw<InvalidOperationException>().Which.Message.Should().Contain("\"eu\"");
        FluentActions.Invoking(() => services.AddRivyaClient("us", o => o.ApiKey = OtherKey)).Should().NotThrow();
    }

    [Fact]
    public async Task A_named_client_from_configuration_is_a_keyed_service_with_its_own_key_and_address()
    {
        using var main = HostileServer.Json(TestRequests.CreditsJson);
        using var eu = HostileServer.Json(TestRequests.CreditsJson);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RivyaEu:ApiKey"] = OtherKey,
            ["RivyaEu:BaseAddress"] = eu.BaseAddress.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddRivyaClient(o => (o.ApiKey, o.BaseAddress) = (TestKeys.ApiKey, main.BaseAddress));
        services.AddRivyaClient("eu", configuration.GetSection("RivyaEu"));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var unnamed = provider.GetRequiredService<RivyaClient>();
        var named = provider.GetRequiredKeyedService<RivyaClient>("eu");
        await unnamed.Credits.GetBalanceAsync().Bound();
        await named.Credits.GetBalanceAsync().Bound();

        named.Should().NotBeSameAs(unnamed);
        provider.GetRequiredKeyedService<CreditsClient>("eu").Should().BeSameAs(named.Credits);
        main.Requests.Should().ContainSingle().Which.Values("Authorization").Should().Equal("Bearer " + TestKeys.ApiKey);
        eu.Requests.Should().ContainSingle().Which.Values("Authorization").Should().Equal("Bearer " + OtherKey);
    }

    [Fact]
    public void A_missing_key_fails_when_the_host_starts_naming_the_setting_and_the_environment_variable()
    {
        using var noKey = EnvironmentVariable.Set("RIVYA_API_KEY", null);
        var services = new ServiceCollection();
        services.AddRivyaClient(new ConfigurationBuilder().Build().GetSection("Services:Rivya"));
        using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Services:Rivya:ApiKey").And.Contain("RIVYA_API_KEY");
    }

    [Fact]
    public void A_missing_key_in_a_named_registration_fails_at_start_too_and_the_environment_variable_is_enough()
    {
        using (EnvironmentVariable.Set("RIVYA_API_KEY", null))
        {
            var services = new ServiceCollection();
            services.AddRivyaClient("eu", new ConfigurationBuilder().Build().GetSection("RivyaEu"));
            using var provider = services.BuildServiceProvider();
            FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate())
                .Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("'eu'").And.Contain("RivyaEu:ApiKey");
        }

        using (EnvironmentVariable.Set("RIVYA_API_KEY", OtherKey))
        {
            var services = new ServiceCollection();
            services.AddRivyaClient(new ConfigurationBuilder().Build().GetSection("Rivya"));
            using var provider = services.BuildServiceProvider();
            FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate()).Should().NotThrow();
        }
    }

    [Fact]
    public async Task A_client_resolved_from_DI_records_on_a_meter_of_the_hosts_meter_factory()
    {
        using var server = HostileServer.Json(TestRequests.CreditsJson);
        using var meters = new MeterRecorder();
        var services = new ServiceCollection();
        services.AddSingleton(meters.Factory);
        services.AddRivyaClient(o => (o.ApiKey, o.BaseAddress) = (TestKeys.ApiKey, server.BaseAddress));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<RivyaClient>().Credits.GetBalanceAsync().Bound();

        meters.Of("rivya.client.requests").Should().ContainSingle()
            .Which.Tags.Should().Contain("rivya.operation", "credits.get").And.Contain("rivya.outcome", "success");
    }
}
