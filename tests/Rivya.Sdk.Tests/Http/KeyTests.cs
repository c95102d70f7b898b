using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>Where the key comes from, and what happens without one. These tests own <c>RIVYA_API_KEY</c>.</summary>
[Collection(ApiKeyEnvironmentTests.Name)]
public sealed class KeyTests : WireMockTest
{
    private const string EnvironmentKey = "rvya_sk_from_the_environment_0123456789";

    [Fact]
    public async Task Models_list_works_without_a_key_and_sends_no_authorization()
    {
        using var _ = EnvironmentVariable.Set(RivyaClientOptions.ApiKeyEnvironmentVariable, null);
        Server.Given(ModelsPath).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Fixture.Read("responses/models.json")));
        var client = Client(o => o.ApiKey = null);

        var models = await client.Models.ListAsync().Bound();

        models.Should().NotBeEmpty();
        Received.Single().Headers!.Should().NotContainKey("Authorization");
    }

    [Fact]
    public async Task Models_list_sends_no_authorization_even_with_a_key()
    {
        Server.Given(ModelsPath).RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"object":"list","data":[]}"""));
        var client = Client();

        await client.Models.ListAsync().Bound();

        Received.Single().Headers!.Should().NotContainKey("Authorization", "a public call has no reason to carry the secret");
    }

    [Fact]
    public async Task Credits_without_a_key_throws_naming_the_environment_variable_and_sends_nothing()
    {
        using var _ = EnvironmentVariable.Set(RivyaClientOptions.ApiKeyEnvironmentVariable, null);
        Server.Given(CreditsPath).RespondWith(Response.Create().WithStatusCode(200).WithBody(TestRequests.CreditsJson));
        var client = Client(o => o.ApiKey = null);

        var exception = await FluentActions.Awaiting(() => client.Credits.GetBalanceAsync().Bound()).Should().ThrowExactlyAsync<InvalidOperationException>();

        exception.Which.Message.Should().Contain("RIVYA_API_KEY");
        Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Generations_get_without_a_key_throws_naming_the_environment_variable_and_sends_nothing()
    {
        using var _ = EnvironmentVariable.Set(RivyaClientOptions.ApiKeyEnvironmentVariable, "   ");
        Server.Given(GetPath()).RespondWith(Response.Create().WithStatusCode(200).WithBody(TestRequests.TaskJson));
        var client = Client(o => o.ApiKey = "");

        var exception = await FluentActions.Awaiting(() => client.Generations.GetAsync("task_1").Bound()).Should().ThrowExactlyAsync<InvalidOperationException>();

        exception.Which.Message.Should().Contain("RIVYA_API_KEY");
        Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_without_a_key_throws_and_sends_nothing()
    {
        using var _ = EnvironmentVariable.Set(RivyaClientOptions.ApiKeyEnvironmentVariable, null);
        Server.Given(CreatePath).RespondWith(Response.Create().WithStatusCode(201).WithBody(TestRequests.TaskJson));
        var client = Client(o => o.ApiKey = null);

        await FluentActions.Awaiting(() => client.Generations.CreateAsync(TestRequests.Valid()).Bound()).Should().ThrowExactlyAsync<InvalidOperationException>()
            .WithMessage("*RIVYA_API_KEY*");

        Received.Should().BeEmpty();
    }

    [Fact]
    public async Task The_key_is_read_from_the_environment_when_the_options_have_none()
    {
        using var _ = EnvironmentVariable.Set(RivyaClientOptions.ApiKeyEnvironmentVariable, EnvironmentKey);
        Server.Given(CreditsPath).RespondWith(Response.Create().WithStatusCode(200).WithBody(TestRequests.CreditsJson));
        var client = Client(o => o.ApiKey = null);

        await client.Credits.GetBalanceAsync().Bound();

        Received.Single().Headers!["Authorization"].Single().Should().Be("Bearer " + EnvironmentKey);
    }

    [Fact]
    public async Task The_options_key_wins_over_the_environment()
    {
        using var _ = EnvironmentVariable.Set(RivyaClientOptions.ApiKeyEnvironmentVariable, EnvironmentKey);
        Server.Given(CreditsPath).RespondWith(Response.Create().WithStatusCode(200).WithBody(TestRequests.CreditsJson));
        var client = Client();

        await client.Credits.GetBalanceAsync().Bound();

        Received.Single().Headers!["Authorization"].Single().Should().Be("Bearer " + TestKeys.ApiKey);
    }

    [Fact]
    public void The_string_constructor_uses_the_given_key_over_the_environment()
    {
        using var _ = EnvironmentVariable.Set(RivyaClientOptions.ApiKeyEnvironmentVariable, EnvironmentKey);
        using var client = new RivyaClient(TestKeys.ApiKey);

        // Its base address is production, so nothing is sent: the key it resolved is read from its pipeline.
        client.Generations.Pipeline.Options.ResolveApiKey().Should().Be(TestKeys.ApiKey);
    }

    [Fact]
    public void Without_a_key_anywhere_the_client_is_still_built()
    {
        using var _ = EnvironmentVariable.Set(RivyaClientOptions.ApiKeyEnvironmentVariable, null);

        using var client = new RivyaClient(new RivyaClientOptions());

        client.Generations.Pipeline.HasApiKey.Should().BeFalse();
    }

    [Fact]
    public void The_client_is_not_changed_by_later_edits_of_its_options()
    {
        var options = Options();
        using var client = new RivyaClient(options);

        options.ApiKey = "rvya_sk_changed_later";
        options.MaxRetries = 9;

        client.Generations.Pipeline.Options.ApiKey.Should().Be(TestKeys.ApiKey);
        client.Generations.Pipeline.Options.MaxRetries.Should().Be(2);
    }
}
