using System;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Configuration;

/// <summary>
/// A key given explicitly but empty or blank is refused when the client is built (not at the first call); whitespace
/// around a key (a copy-paste's line break) is trimmed and never sent; with no key at all the client still builds
/// (<c>Models.ListAsync</c> needs none). Runs alone: it clears <c>RIVYA_API_KEY</c>.
/// </summary>
[Collection(ApiKeyEnvironmentTests.Name)]
public sealed class ApiKeyTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n")]
    public void An_empty_or_blank_key_given_to_the_constructor_is_refused_at_construction(string key)
    {
        using var _ = EnvironmentVariable.Set("RIVYA_API_KEY", TestKeys.ApiKey);

        var build = () => new RivyaClient(key);

        build.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("apiKey", "the environment's key is not silently used instead");
    }

    [Fact]
    public void A_blank_key_in_the_options_is_refused_at_construction()
    {
        var build = () => new RivyaClient(new RivyaClientOptions { ApiKey = " \n" });

        build.Should().Throw<ArgumentException>().Which.Message.Should().Contain("ApiKey is only whitespace");
    }

    [Fact]
    public async Task A_key_with_a_trailing_line_break_is_sent_trimmed()
    {
        using var server = HostileServer.Json(TestRequests.CreditsJson);
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = " " + TestKeys.ApiKey + "\r\n", BaseAddress = server.BaseAddress });

        await client.Credits.GetBalanceAsync().Bound();

        server.Requests.Should().ContainSingle().Which.Values("Authorization").Should().Equal("Bearer " + TestKeys.ApiKey);
    }

    [Fact]
    public void With_no_key_anywhere_the_client_still_builds()
    {
        using var _ = EnvironmentVariable.Set("RIVYA_API_KEY", null);

        using var client = new RivyaClient(new RivyaClientOptions());

        client.Models.Should().NotBeNull();
    }
}
