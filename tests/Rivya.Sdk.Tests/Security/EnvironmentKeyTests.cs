using System;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Security;

/// <summary>A key from <c>RIVYA_API_KEY</c> is checked like <c>ApiKey</c>, when the client is built, and the message says where it came from.</summary>
[Collection(ApiKeyEnvironmentTests.Name)]
public sealed class EnvironmentKeyTests
{
    [Theory]
    [InlineData("rvya_sk_env\r\nX-Injected: 1", "U+000D (CR)")]
    [InlineData("rvya_sk_env\u00e9", "U+00E9")]
    public void A_bad_key_in_the_environment_is_a_configuration_error(string key, string character)
    {
        using var _ = EnvironmentVariable.Set(RivyaClientOptions.ApiKeyEnvironmentVariable, key);

        var act = () => new RivyaClient(new RivyaClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/") });

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("RIVYA_API_KEY").And.Contain(character).And.NotContain("rvya_sk_env");
    }
}
