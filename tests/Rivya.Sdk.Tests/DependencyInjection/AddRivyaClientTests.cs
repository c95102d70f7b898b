using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rivya.Sdk.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit;

namespace Rivya.Sdk.Tests.DependencyInjection;

public sealed class AddRivyaClientTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public AddRivyaClientTests() =>
        _server.Given(Request.Create().WithPath("/api/v1/credits").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"current_credits\":123}"));

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task Configuration_overload_binds_every_setting_and_the_client_uses_them()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rivya:ApiKey"] = TestKeys.ApiKey,
            ["Rivya:BaseAddress"] = _server.Url,
            ["Rivya:MaxRetries"] = "4",
            ["Rivya:Timeout"] = "00:00:30",
            ["Rivya:UploadTimeout"] = "00:20:00",
            ["Rivya:MaxRetryAfter"] = "00:00:10",
            ["Rivya:UserAgent"] = "my-app/1.2",
        }).Build();
        var services = new ServiceCollection();
        services.AddRivyaClient(configuration.GetSection("Rivya"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<RivyaClientOptions>>().Value;
        var balance = await provider.GetRequiredService<RivyaClient>().Credits.GetBalanceAsync().Bound();

        options.ApiKey.Should().Be(TestKeys.ApiKey);
        options.MaxRetries.Should().Be(4);
        options.Timeout.Should().Be(TimeSpan.FromSeconds(30));
        options.UploadTimeout.Should().Be(TimeSpan.FromMinutes(20));
        options.MaxRetryAfter.Should().Be(TimeSpan.FromSeconds(10));
        balance.CurrentCredits.Should().Be(123);
        var request = _server.LogEntries.Single().RequestMessage!;
        request.Headers!["Authorization"].Single().Should().Be("Bearer " + TestKeys.ApiKey);
        request.Headers["User-Agent"].Single().Should().EndWith("my-app/1.2");
    }

    [Fact]
    public async Task Action_overload_returns_the_http_client_builder_so_handlers_can_be_added()
    {
        var handler = new CountingHandler();
        var services = new ServiceCollection();
        var builder = services.AddRivyaClient(o =>
        {
            o.ApiKey = TestKeys.ApiKey;
            o.BaseAddress = new Uri(_server.Url!);
        });
        builder.AddHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        var balance = await provider.GetRequiredService<RivyaClient>().Credits.GetBalanceAsync().Bound();

        builder.Name.Should().Be(RivyaServiceCollectionExtensions.HttpClientName);
        balance.CurrentCredits.Should().Be(123);
        handler.Calls.Should().Be(1);
    }

    [Fact]
    public void Container_time_provider_and_logger_factory_flow_into_the_options()
    {
        var clock = new TestClock();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging();
        services.AddRivyaClient(o => o.ApiKey = TestKeys.ApiKey);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<RivyaClientOptions>>().Value;

        options.TimeProvider.Should().BeSameAs(clock);
        options.LoggerFactory.Should().NotBeNull();
    }

    [Fact]
    public void A_non_https_non_loopback_address_fails_start_up_validation_with_a_clear_message()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rivya:BaseAddress"] = "http://rivya.example.com",
            ["Rivya:MaxRetries"] = "-1",
        }).Build();
        var services = new ServiceCollection();
        services.AddRivyaClient(configuration.GetSection("Rivya"));
        using var provider = services.BuildServiceProvider();

        var validate = () => provider.GetRequiredService<IStartupValidator>().Validate();

        validate.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().Contain(f => f.Contains("https", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("MaxRetries", StringComparison.Ordinal));
    }

    [Fact]
    public void The_factory_http_client_has_an_infinite_timeout_so_the_sdk_timeouts_govern()
    {
        var services = new ServiceCollection();
        services.AddRivyaClient(o => o.ApiKey = TestKeys.ApiKey);
        using var provider = services.BuildServiceProvider();

        var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(RivyaServiceCollectionExtensions.HttpClientName);

        httpClient.Timeout.Should().Be(Timeout.InfiniteTimeSpan);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
