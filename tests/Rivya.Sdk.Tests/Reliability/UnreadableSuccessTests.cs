using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Reliability;

/// <summary>A 2xx whose body cannot be read is a transient fault when repeating is safe (GET, or POST with its key).</summary>
public sealed class UnreadableSuccessTests : WireMockTest
{
    private const string HalfTask = """{"id":"task_1","status":"proc""";

    [Fact]
    public async Task A_get_answered_with_half_its_json_is_retried_after_the_backoff_and_succeeds()
    {
        var script = Script(GetPath(), ScriptStep.Json(200, HalfTask), ScriptStep.Json(200, TestRequests.TaskJson));
        var client = Client();

        var call = client.Generations.GetAsync("task_1");
        var backoff = await AdvancePastNextBackoffAsync();
        var task = await call.WaitAsync(TimeSpan.FromSeconds(30));

        task.Id.Should().Be("task_1");
        backoff.Should().Be(TimeSpan.FromSeconds(1), "like a 5xx: backoff, never immediate");
        script.Count.Should().Be(2);
    }

    [Fact]
    public async Task A_create_answered_with_half_its_json_is_repeated_with_the_same_key_and_reaches_the_task()
    {
        var script = Script(CreatePath, ScriptStep.Json(201, HalfTask), ScriptStep.Json(201, TestRequests.TaskJson));
        var client = Client();

        var call = client.Generations.CreateAsync(TestRequests.Valid());
        await AdvancePastNextBackoffAsync();
        var created = await call.WaitAsync(TimeSpan.FromSeconds(30));

        created.Id.Should().Be("task_1");
        script.Requests.Select(r => r.Headers!["Idempotency-Key"].Single()).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task A_task_without_an_id_is_unreadable_not_a_task_with_an_empty_id()
    {
        Script(GetPath(), ScriptStep.Json(200, """{"status":"succeeded","model":"kling-3-0"}"""));
        var client = Client(o => o.MaxRetries = 0);

        var exception = (await FluentActions.Awaiting(() => client.Generations.GetAsync("task_1").WaitAsync(TimeSpan.FromSeconds(30)))
            .Should().ThrowExactlyAsync<RivyaApiException>()).Which;

        exception.StatusCode.Should().Be(HttpStatusCode.OK);
        exception.Message.Should().Contain("the task has no id");
    }

    [Fact]
    public async Task A_get_with_no_retries_left_surfaces_the_unreadable_answer_once_without_a_key()
    {
        var script = Script(CreditsPath, ScriptStep.Json(200, """{"current_credits":"""));
        var client = Client(o => o.MaxRetries = 0);

        var exception = (await FluentActions.Awaiting(() => client.Credits.GetBalanceAsync().WaitAsync(TimeSpan.FromSeconds(30)))
            .Should().ThrowExactlyAsync<RivyaApiException>()).Which;

        exception.IdempotencyKey.Should().BeNull();
        exception.Message.Should().Contain("could not be read");
        script.Count.Should().Be(1);
    }
}
