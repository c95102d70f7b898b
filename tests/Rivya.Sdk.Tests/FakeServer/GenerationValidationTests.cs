using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

public class GenerationValidationTests : FakeServerTestBase
{
    public static TheoryData<string, string, string> InvalidBodies()
    {
        var tooLong = new string('a', 2001);
        const string Image = """{"url":"https://cdn.example.com/a.png","kind":"image","mimeType":"image/png"}""";
        return new TheoryData<string, string, string>
        {
            { "unknown model", """{"model":"kling-9-9","prompt":"p"}""", "model: 'kling-9-9' is not a known model" },
            { "missing model", """{"prompt":"p"}""", "model: is required" },
            { "missing prompt", """{"model":"kling-3-0"}""", "prompt: is required" },
            { "blank prompt", """{"model":"kling-3-0","prompt":"   "}""", "prompt: must not be blank" },
            { "too long prompt", $$"""{"model":"kling-3-0","prompt":"{{tooLong}}"}""", "prompt: must be at most 2000 characters for kling-3-0; got 2001" },
            { "bad duration", """{"model":"kling-3-0","prompt":"p","params":{"duration":"16"}}""", "params.duration: must be one of 3, 4, 5" },
            { "duration not in kling-2-6", """{"model":"kling-2-6","prompt":"p","params":{"duration":"7"}}""", "params.duration: must be one of 5, 10; got '7'" },
            { "select sent as a number", """{"model":"kling-3-0","prompt":"p","params":{"duration":5}}""", "params.duration: must be a JSON string" },
            { "select option case", """{"model":"kling-3-0","prompt":"p","params":{"mode":"PRO"}}""", "params.mode: must be one of std, pro; got 'PRO'" },
            { "cfg_scale above range", """{"model":"kling-v2-1-master","prompt":"p","params":{"cfg_scale":1.5}}""", "params.cfg_scale: must be a number from 0 to 1 inclusive; got 1.5" },
            { "cfg_scale below range", """{"model":"kling-v2-5-turbo-pro","prompt":"p","params":{"cfg_scale":-0.1}}""", "params.cfg_scale: must be a number from 0 to 1" },
            { "cfg_scale as a string", """{"model":"kling-v2-1-master","prompt":"p","params":{"cfg_scale":"0.5"}}""", "params.cfg_scale: must be a JSON number" },
            { "too many references", """{"model":"kling-2-6","prompt":"p","params":{"referenceMediaItems":[""" + Image + "," + Image + "]}}", "params.referenceMediaItems: must hold at most 1 item(s) for kling-2-6; got 2" },
            { "video reference", """{"model":"kling-3-0","prompt":"p","params":{"referenceMediaItems":[{"url":"https://cdn.example.com/a.mp4","kind":"video"}]}}""", "params.referenceMediaItems[0].kind: must be image for this model; got 'video'" },
            { "gif reference", """{"model":"kling-3-0","prompt":"p","params":{"referenceMediaItems":[{"url":"https://cdn.example.com/a.gif","kind":"image","mimeType":"image/gif"}]}}""", "params.referenceMediaItems[0].mimeType: must be one of image/jpeg, image/png, image/webp" },
            { "relative reference url", """{"model":"kling-3-0","prompt":"p","params":{"referenceMediaItems":[{"url":"/a.png","kind":"image"}]}}""", "params.referenceMediaItems[0].url: is required and must be an absolute http or https URL" },
            { "top-level files", """{"model":"kling-3-0","prompt":"p","files":["file_1"]}""", "files: is not accepted at the top level" },
            { "unknown parameter", """{"model":"kling-2-6","prompt":"p","params":{"cfg_scale":0.5}}""", "params.cfg_scale: is not a parameter of kling-2-6" },
            { "params not an object", """{"model":"kling-3-0","prompt":"p","params":[]}""", "params: must be a JSON object" },
            { "not JSON", "{oops", "The body is not valid JSON" },
            { "not an object", "[1,2]", "The body must be a JSON object" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task A_body_that_breaks_a_documented_rule_answers_400_validation_failed_saying_what(string rule, string body, string expected)
    {
        var answer = await PostGenerationAsync(body);

        answer.Status.Should().Be(HttpStatusCode.BadRequest, rule);
        answer.ErrorCode.Should().Be("validation_failed");
        answer.ErrorMessage.Should().Contain(expected);
        answer.Json["error"]!["requestId"]!.GetValue<string>().Should().StartWith("req_");
        Fake.GenerationCount.Should().Be(0);
        Fake.Balance.Should().Be(new FakeRivyaServerOptions().InitialBalance, "a rejected request costs nothing");
    }

    [Fact]
    public async Task Every_violation_is_listed_not_the_first_only()
    {
        var answer = await PostGenerationAsync("""{"model":"kling-3-0","prompt":"","files":[],"params":{"duration":"99","sound":"maybe"}}""");

        answer.ErrorMessage.Should().Contain("prompt:").And.Contain("files:").And.Contain("params.duration:").And.Contain("params.sound:");
    }

    [Theory]
    [InlineData("kling-v2-1-master")]
    [InlineData("kling-2-6")]
    [InlineData("kling-3-0")]
    [InlineData("kling-v2-5-turbo-pro")]
    public async Task The_documented_example_requests_are_accepted(string model)
    {
        foreach (var variant in new[] { "minimal", "reference" })
        {
            var body = Fixture.Read($"requests/{model}.{variant}.json");

            var answer = await PostGenerationAsync(body);

            answer.Status.Should().Be(HttpStatusCode.Created, $"{model}.{variant}.json is Rivya's own example: {answer.ErrorMessage}");
            answer.Json["model"]!.GetValue<string>().Should().Be(model);
            answer.Json["reserved_credits"]!.GetValue<decimal>().Should().Be(ModelCatalog.Find(model)!.BaseCredits);
        }
    }

    [Fact]
    public async Task Every_documented_option_of_every_select_is_accepted()
    {
        foreach (var model in ModelCatalog.All)
        {
            foreach (var parameter in model.Parameters.Where(p => p.Kind == ModelParameterKind.Select))
            {
                foreach (var option in parameter.Options)
                {
                    var body = new JsonObject
                    {
                        ["model"] = model.Id,
                        ["prompt"] = "p",
                        ["params"] = new JsonObject { [parameter.WireKey] = option },
                    };

                    var answer = await PostGenerationAsync(body.ToJsonString());

                    answer.Status.Should().Be(HttpStatusCode.Created, $"{model.Id} {parameter.WireKey}={option}: {answer.ErrorMessage}");
                }
            }
        }
    }

    [Fact]
    public async Task A_prompt_exactly_at_the_limit_is_accepted()
    {
        var body = new JsonObject { ["model"] = "kling-2-6", ["prompt"] = new string('a', 1000) };

        (await PostGenerationAsync(body.ToJsonString())).Status.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Cfg_scale_bounds_are_inclusive()
    {
        foreach (var value in new[] { "0", "1", "0.5" })
        {
            var answer = await PostGenerationAsync("""{"model":"kling-v2-1-master","prompt":"p","params":{"cfg_scale":""" + value + "}}");
            answer.Status.Should().Be(HttpStatusCode.Created, $"cfg_scale {value}: {answer.ErrorMessage}");
        }
    }
}

public class LenientParamsTests : FakeServerTestBase
{
    protected override FakeRivyaServerOptions Options => new() { RejectUnknownParams = false };

    [Fact]
    public async Task Unknown_params_pass_when_RejectUnknownParams_is_off_but_documented_ones_are_still_checked()
    {
        (await PostGenerationAsync("""{"model":"kling-2-6","prompt":"p","params":{"new_knob":"x"}}""")).Status.Should().Be(HttpStatusCode.Created);
        (await PostGenerationAsync("""{"model":"kling-2-6","prompt":"p","params":{"duration":"7"}}""")).ErrorCode.Should().Be("validation_failed");
    }
}
