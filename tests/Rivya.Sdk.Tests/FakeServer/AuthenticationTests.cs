using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

public class AuthenticationTests : FakeServerTestBase
{
    [Theory]
    [InlineData("GET", "api/v1/credits")]
    [InlineData("GET", "api/v1/generations/task_x")]
    [InlineData("POST", "api/v1/generations")]
    [InlineData("GET", "api/v1/files/file_x")]
    [InlineData("POST", "api/v1/files")]
    public async Task A_wrong_key_answers_401_api_key_invalid(string method, string path)
    {
        using var client = NewClient("rvya_sk_someone_else");
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)).Bound();
        var answer = await Answer.ReadAsync(response);

        answer.Status.Should().Be(HttpStatusCode.Unauthorized);
        answer.ErrorCode.Should().Be("api_key_invalid");
        answer.ErrorMessage.Should().NotContain("rvya_sk_someone_else");
    }

    [Fact]
    public async Task No_authorization_header_answers_401_api_key_missing()
    {
        using var client = NewClient(apiKey: null);

        var answer = await GetAsync("api/v1/credits", client).Bound();

        answer.Status.Should().Be(HttpStatusCode.Unauthorized);
        answer.ErrorCode.Should().Be("api_key_missing");
    }

    [Fact]
    public async Task A_non_bearer_authorization_counts_as_missing()
    {
        using var client = NewClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Fake.ApiKey);

        var answer = await GetAsync("api/v1/credits", client).Bound();

        answer.ErrorCode.Should().Be("api_key_missing");
    }

    [Fact]
    public async Task The_models_catalogue_needs_no_key()
    {
        using var client = NewClient(apiKey: null);

        var answer = await GetAsync("api/v1/models", client).Bound();

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Json["data"]!.AsArray().Should().HaveCount(ModelCatalog.All.Count);
    }

    [Fact]
    public async Task The_right_key_is_accepted()
    {
        var answer = await GetAsync("api/v1/credits");

        answer.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public void The_default_key_looks_like_a_rivya_key_and_never_shows_in_ToString()
    {
        Fake.ApiKey.Should().Be(FakeRivyaServerOptions.DefaultApiKey).And.StartWith("rvya_sk_fake_");
        Fake.ToString().Should().Contain(Fake.BaseAddress.ToString()).And.NotContain(Fake.ApiKey);
        new FakeRivyaServerOptions().ToString().Should().NotContain(FakeRivyaServerOptions.DefaultApiKey);
    }

    [Fact]
    public void The_base_address_is_loopback_http_with_a_trailing_slash()
    {
        Fake.BaseAddress.Scheme.Should().Be("http");
        Fake.BaseAddress.IsLoopback.Should().BeTrue();
        Fake.BaseAddress.AbsolutePath.Should().Be("/");
        Fake.BaseAddress.Port.Should().BePositive();
    }
}

public class CustomKeyTests : FakeServerTestBase
{
    protected override FakeRivyaServerOptions Options => new() { ApiKey = "rvya_sk_custom_1" };

    [Fact]
    public async Task A_configured_key_replaces_the_default()
    {
        Fake.ApiKey.Should().Be("rvya_sk_custom_1");
        (await GetAsync("api/v1/credits")).Status.Should().Be(HttpStatusCode.OK);

        using var defaultKeyClient = NewClient(FakeRivyaServerOptions.DefaultApiKey);
        (await GetAsync("api/v1/credits", defaultKeyClient)).ErrorCode.Should().Be("api_key_invalid");
    }
}
