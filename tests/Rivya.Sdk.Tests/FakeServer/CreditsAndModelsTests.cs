using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

public class CreditsAndModelsTests : FakeServerTestBase
{
    [Fact]
    public async Task Credits_answer_the_balance_and_SetBalance_changes_it()
    {
        (await GetAsync("api/v1/credits")).Json["current_credits"]!.GetValue<decimal>().Should().Be(10_000);

        Fake.SetBalance(123);
        var answer = await GetAsync("api/v1/credits");

        answer.Json.AsObject().Select(p => p.Key).Should().Equal("current_credits");
        answer.Json["current_credits"]!.GetValue<decimal>().Should().Be(123);
        Fake.Balance.Should().Be(123);
    }

    [Fact]
    public void A_negative_balance_is_refused()
    {
        Fake.Invoking(f => f.SetBalance(-1)).Should().Throw<System.ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Models_answer_the_catalogue_list_in_the_documented_shape()
    {
        var answer = await GetAsync("api/v1/models");
        var documented = Fixture.Json("responses/models.json")["data"]![0]!.AsObject().Select(p => p.Key).ToArray();

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Json["object"]!.GetValue<string>().Should().Be("list");
        var data = answer.Json["data"]!.AsArray();
        data.Select(m => m!["id"]!.GetValue<string>()).Should().Equal(ModelCatalog.All.Select(m => m.Id));
        foreach (var entry in data.Select(m => m!.AsObject()))
        {
            entry.Select(p => p.Key).Should().BeEquivalentTo(documented, "every entry has the documented fields");
            var model = ModelCatalog.Find(entry["id"]!.GetValue<string>())!;
            entry["display_name"]!.GetValue<string>().Should().Be(model.DisplayName);
            entry["base_credits"]!.GetValue<int>().Should().Be(model.BaseCredits);
            entry["max_prompt_length"]!.GetValue<int>().Should().Be(model.MaxPromptLength);
            entry["category"]!.GetValue<string>().Should().Be("video");
            entry["runtime"]!.GetValue<string>().Should().Be("async_task");
            entry["billing_type"]!.GetValue<string>().Should().Be("FIXED");
            entry["api_status"]!.GetValue<string>().Should().Be("available");
            entry["reference_media"]!["max_items"]!.GetValue<int>().Should().Be(model.References.MaxItems);
            entry["params"]!.AsArray().Select(p => p!["key"]!.GetValue<string>()).Should().Equal(model.Parameters.Select(p => p.WireKey));
        }
    }

    [Fact]
    public async Task A_model_entry_carries_each_parameter_with_its_options_or_range()
    {
        var answer = await GetAsync("api/v1/models");
        var master = answer.Json["data"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == "kling-v2-1-master")!;
        var parameters = master["params"]!.AsArray().ToDictionary(p => p!["key"]!.GetValue<string>(), p => p!);

        parameters["duration"]["type"]!.GetValue<string>().Should().Be("select");
        parameters["duration"]["default"]!.GetValue<string>().Should().Be("5");
        parameters["duration"]["options"]!.AsArray().Select(o => o!.GetValue<string>()).Should().Equal("5", "10");
        parameters["cfg_scale"]["type"]!.GetValue<string>().Should().Be("number");
        parameters["cfg_scale"]["default"]!.GetValue<double>().Should().Be(0.5);
        parameters["cfg_scale"]["min"]!.GetValue<double>().Should().Be(0);
        parameters["cfg_scale"]["max"]!.GetValue<double>().Should().Be(1);
        parameters["negative_prompt"]["type"]!.GetValue<string>().Should().Be("text");
    }

    [Fact]
    public async Task An_unknown_route_answers_404_not_found_in_the_error_shape()
    {
        var answer = await GetAsync("api/v1/webhooks");

        answer.Status.Should().Be(HttpStatusCode.NotFound);
        answer.ErrorCode.Should().Be("not_found");
        answer.Json["error"]!["message"]!.GetValue<string>().Should().Contain("/api/v1/webhooks");
    }
}
