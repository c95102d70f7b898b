using System;
using System.Linq;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Rivya.Sdk.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>The base address rules, the User-Agent, and the HttpClient the SDK runs on.</summary>
public sealed class ClientSetupTests : WireMockTest
{
    [Theory]
    [InlineData("http://example.com")]
    [InlineData("http://rivya.ai/")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("http://10.0.0.1/")]
    public void A_non_https_non_loopback_base_address_is_refused(string address)
    {
        var options = Options(o => o.BaseAddress = new Uri(address));

        FluentActions.Invoking(() => new RivyaClient(options)).Should().Throw<ArgumentException>().WithMessage("*https*");
    }

    [Fact]
    public void A_relative_base_address_is_refused()
    {
        var options = Options(o => o.BaseAddress = new Uri("/api", UriKind.Relative));

        FluentActions.Invoking(() => new RivyaClient(options)).Should().Throw<ArgumentException>().WithMessage("*absolute*");
    }

    [Theory]
    [InlineData("https://rivya.ai")]
    [InlineData("https://proxy.example.com/rivya/")]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    public void Https_and_loopback_base_addresses_are_accepted(string address)
    {
        var options = Options(o => o.BaseAddress = new Uri(address));

        using var client = new RivyaClient(options);

        client.Generations.Pipeline.BaseAddress.AbsoluteUri.Should().StartWith(new Uri(address).GetLeftPart(UriPartial.Authority));
    }

    [Theory]
    [InlineData("proxy/rivya")]
    [InlineData("proxy/rivya/")]
    public async Task A_base_address_with_a_path_prefix_keeps_the_prefix(string prefix)
    {
        Server.Given(Request.Create().WithPath("/proxy/rivya/api/v1/credits").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(TestRequests.CreditsJson));
        var client = Client(o => o.BaseAddress = new Uri(BaseAddress, prefix));

        var balance = await client.Credits.GetBalanceAsync().Bound();

        balance.CurrentCredits.Should().Be(123);
        Received.Single().Path.Should().Be("/proxy/rivya/api/v1/credits");
    }

    [Fact]
    public async Task The_user_agent_names_the_sdk_version_and_runtime_and_appends_the_callers_suffix()
    {
        Server.Given(CreditsPath).RespondWith(Response.Create().WithStatusCode(200).WithBody(TestRequests.CreditsJson));
        var client = Client(o => o.UserAgent = "my-app/1.2");

        await client.Credits.GetBalanceAsync().Bound();

        var userAgent = string.Join(", ", Received.Single().Headers!["User-Agent"]);
        userAgent.Should().MatchRegex(@"^rivya-dotnet/\d+\.\d+\.\d+[^ ]* \(");
        userAgent.Should().Contain(RuntimeInformation.FrameworkDescription).And.EndWith(" my-app/1.2");
        var version = typeof(RivyaClient).Assembly.GetName().Version!;
        userAgent.Should().StartWith($"rivya-dotnet/{version.Major}.{version.Minor}.{version.Build}");
    }

    [Fact]
    public async Task Every_call_sends_accept_json()
    {
        Server.Given(CreditsPath).RespondWith(Response.Create().WithStatusCode(200).WithBody(TestRequests.CreditsJson));
        var client = Client();

        await client.Credits.GetBalanceAsync().Bound();

        Received.Single().Headers!["Accept"].Should().Contain("application/json");
    }

    [Fact]
    public void A_caller_http_client_with_a_30_s_timeout_gets_a_warning()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        using var client = new RivyaClient(http, Options());

        var warning = Logs.WithEventId(5).Should().ContainSingle().Which;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.Should().Contain("00:00:30").And.Contain("InfiniteTimeSpan");
    }

    [Fact]
    public void A_caller_http_client_with_an_infinite_timeout_gets_no_warning()
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };

        using var client = new RivyaClient(http, Options());

        Logs.Records.Should().BeEmpty();
    }

    [Fact]
    public void A_caller_http_client_is_not_disposed_with_the_client()
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new RivyaClient(http, Options());

        client.Dispose();

        FluentActions.Invoking(() => http.CancelPendingRequests()).Should().NotThrow();
    }

    [Fact]
    public void The_http_client_the_sdk_creates_has_an_infinite_timeout()
    {
        using var client = new RivyaClient(Options());

        client.HttpClient.Timeout.Should().Be(Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public void Options_to_string_shows_the_settings_but_never_the_key()
    {
        var text = Options(o => o.UserAgent = "my-app/1.2").ToString();

        text.Should().NotContain(TestKeys.ApiKey).And.Contain("ApiKey = ***").And.Contain("MaxRetries = 2").And.Contain("my-app/1.2");
        new RivyaClientOptions().ToString().Should().Contain("ApiKey = (none)");
    }

    [Fact]
    public void Invalid_numbers_in_the_options_are_refused()
    {
        FluentActions.Invoking(() => new RivyaClient(Options(o => o.MaxRetries = -1))).Should().Throw<ArgumentException>().WithMessage("*MaxRetries*");
        FluentActions.Invoking(() => new RivyaClient(Options(o => o.Timeout = TimeSpan.Zero))).Should().Throw<ArgumentException>().WithMessage("*Timeout*");
        FluentActions.Invoking(() => new RivyaClient(Options(o => o.MaxRetryAfter = TimeSpan.FromSeconds(-1)))).Should().Throw<ArgumentException>().WithMessage("*MaxRetryAfter*");
    }

    [Fact]
    public async Task Extra_headers_from_request_options_are_sent_but_authorization_cannot_be_set()
    {
        Server.Given(GetPath()).RespondWith(Response.Create().WithStatusCode(200).WithBody(TestRequests.TaskJson));
        var client = Client();

        await client.Generations.GetAsync("task_1", new RequestOptions { Headers = new System.Collections.Generic.Dictionary<string, string> { ["X-Trace"] = "t-1" } }, CancellationToken.None).Bound();
        var refused = FluentActions.Awaiting(() => client.Generations.GetAsync("task_1", new RequestOptions { Headers = new System.Collections.Generic.Dictionary<string, string> { ["Authorization"] = "Bearer other" } }, CancellationToken.None).Bound());

        await refused.Should().ThrowAsync<ArgumentException>().WithMessage("*Authorization*");
        Received.Single().Headers!["X-Trace"].Should().Equal("t-1");
    }
}
