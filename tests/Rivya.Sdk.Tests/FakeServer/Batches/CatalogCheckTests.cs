using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Xunit;

namespace Rivya.Sdk.Tests.Models;

public sealed class CatalogCheckTests : IAsyncLifetime, IDisposable
{
    private FakeRivyaServer _fake = null!;
    private RivyaClient _client = null!;

    public Task InitializeAsync()
    {
        _fake = FakeRivyaServer.Start();
        _client = new RivyaClient(new RivyaClientOptions { ApiKey = _fake.ApiKey, BaseAddress = _fake.BaseAddress });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Dispose();
        await _fake.DisposeAsync();
    }

    public void Dispose() => _client?.Dispose();

    [Fact]
    public async Task The_fakes_default_catalogue_matches_the_built_in_rules()
    {
        var check = await _client.Models.CheckCatalogAsync().WaitAsync(TimeSpan.FromSeconds(30));

        check.HasDrift.Should().BeFalse(check.ToString());
        check.ModelsNotInSdk.Should().BeEmpty();
    }

    [Fact]
    public async Task A_changed_limit_price_and_status_are_found_and_nothing_else()
    {
        _fake.ModelCatalogJson = Edit(data =>
        {
            Model(data, "kling-3-0")["max_prompt_length"] = 2500;
            Model(data, "kling-2-6")["base_credits"] = 60;
            Model(data, "kling-v2-1-master")["api_status"] = "coming_soon";
        });

        var check = await _client.Models.CheckCatalogAsync().WaitAsync(TimeSpan.FromSeconds(30));

        check.Changes.Should().BeEquivalentTo(new[]
        {
            new CatalogDrift("kling-v2-1-master", CatalogDriftKind.ApiStatus, "available", "coming_soon"),
            new CatalogDrift("kling-2-6", CatalogDriftKind.BaseCredits, "55", "60"),
            new CatalogDrift("kling-3-0", CatalogDriftKind.PromptLimit, "2000", "2500"),
        });
        check.ModelsNotInSdk.Should().BeEmpty();
    }

    [Fact]
    public async Task Changed_options_a_missing_model_and_a_model_the_sdk_lacks_are_named()
    {
        _fake.ModelCatalogJson = Edit(data =>
        {
            var duration = ((JsonArray)Model(data, "kling-2-6")["params"]!).First(p => (string?)p!["key"] == "duration")!;
            ((JsonArray)duration["options"]!).Add("15");
            data.Remove(Model(data, "kling-v2-5-turbo-pro"));
            data.Add(new JsonObject { ["id"] = "veo-3", ["base_credits"] = 300, ["api_status"] = "available" });
        });

        var check = await _client.Models.CheckCatalogAsync().WaitAsync(TimeSpan.FromSeconds(30));

        check.Changes.Should().BeEquivalentTo(new[]
        {
            new CatalogDrift("kling-2-6", CatalogDriftKind.ParameterOptions, "duration: 5, 10", "duration: 5, 10, 15"),
            new CatalogDrift("kling-v2-5-turbo-pro", CatalogDriftKind.Missing, "Kling V2.5 Turbo Pro", null),
        });
        check.ModelsNotInSdk.Select(m => m.Id).Should().Equal("veo-3");
        check.ToString().Should().Contain("veo-3").And.Contain("kling-2-6");
    }

    private string Edit(Action<JsonArray> change)
    {
        var catalogue = JsonNode.Parse(_fake.ModelCatalogJson!)!.AsObject();
        change((JsonArray)catalogue["data"]!);
        return catalogue.ToJsonString();
    }

    private static JsonObject Model(JsonArray data, string id) => data.Single(m => (string?)m!["id"] == id)!.AsObject();
}
