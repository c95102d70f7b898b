using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>A create is checked before a credit can be spent; the caller can opt out for a rule the server relaxed.</summary>
public sealed class ValidationBeforeSendTests : WireMockTest
{
    [Fact]
    public async Task An_invalid_request_throws_every_violation_and_sends_nothing()
    {
        var script = Script(CreatePath, ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client();

        var exception = await FluentActions.Awaiting(() => client.Generations.CreateAsync(TestRequests.Invalid()).Bound()).Should().ThrowAsync<RivyaValidationException>();

        exception.Which.Errors.Select(e => e.Path).Should().Contain(["prompt", "params.duration"]);
        script.Count.Should().Be(0);
    }

    [Fact]
    public async Task Skip_validation_sends_the_request_and_the_server_decides()
    {
        var script = Script(CreatePath, ScriptStep.Error(400, "validation_failed", "req_v"));
        var client = Client();

        var exception = await FluentActions.Awaiting(() => client.Generations.CreateAsync(TestRequests.Invalid(), new RequestOptions { SkipValidation = true }).Bound())
            .Should().ThrowExactlyAsync<RivyaApiException>();

        exception.Which.ErrorCode.Should().Be("validation_failed");
        script.Count.Should().Be(1);
        script.Requests[0].Body.Should().Contain("\"duration\":\"2\"");
    }
}
