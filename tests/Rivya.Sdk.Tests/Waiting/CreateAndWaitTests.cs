using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rivya.Sdk.Tests.Waiting;

public sealed class CreateAndWaitTests : IDisposable
{
    private readonly WaitHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static GenerationRequest Request => new()
    {
        Prompt = "A cinematic product reveal with smooth camera movement",
        Params = new Kling30Params { Mode = Kling30Mode.Std, Duration = 5 },
    };

    [Fact]
    public async Task Creates_once_with_the_callers_idempotency_key_then_waits_and_reports_the_created_task_first()
    {
        GivenCreateAnswers(WaitHarness.Task("queued"));
        _h.Then("processing", 2).Then("succeeded");
        var progress = new RecordingProgress();

        var wait = _h.Client.Generations.CreateAndWaitAsync(Request, new WaitOptions { Progress = progress }, new RequestOptions { IdempotencyKey = "order-123" });
        var sleeps = await _h.DriveAsync(wait);
        var done = await wait;

        done.Status.Should().Be(GenerationStatus.Succeeded);
        var posts = _h.Server.LogEntries.Where(e => e.RequestMessage!.Method == "POST").ToList();
        posts.Should().ContainSingle();
        posts[0].RequestMessage!.Headers!["Idempotency-Key"].Single().Should().Be("order-123");
        progress.Statuses.Should().Equal("queued", "processing", "succeeded");
        sleeps.Should().Equal(TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7.5));
        _h.Polls.Should().Be(3);
    }

    [Fact]
    public async Task A_wait_that_times_out_still_carries_the_task_id_and_the_created_task()
    {
        GivenCreateAnswers(WaitHarness.Task("queued"));
        _h.Then(Response.Create().WithStatusCode(503).WithBody("{\"error\":{\"code\":\"public_api_disabled\",\"message\":\"down\"}}"), 1000);

        var wait = _h.Client.Generations.CreateAndWaitAsync(Request, new WaitOptions { Timeout = TimeSpan.FromMinutes(2) });
        await _h.DriveAsync(wait);

        var thrown = await FluentActions.Awaiting(() => wait).Should().ThrowAsync<RivyaWaitTimeoutException>();
        thrown.Which.TaskId.Should().Be(WaitHarness.TaskId);
        thrown.Which.Generation!.Status.Should().Be(GenerationStatus.Queued, "no poll answered, so the created task is the last state seen");
        _h.Polls.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task A_task_that_fails_throws_RivyaGenerationFailedException()
    {
        GivenCreateAnswers(WaitHarness.Task("queued"));
        _h.Then(Response.Create().WithStatusCode(200).WithBody(WaitHarness.Task("failed", "generation_failed", "Content policy.")));

        var wait = _h.Client.Generations.CreateAndWaitAsync(Request);
        await _h.DriveAsync(wait);

        var thrown = await FluentActions.Awaiting(() => wait).Should().ThrowAsync<RivyaGenerationFailedException>();
        thrown.Which.Generation.Error!.Message.Should().Be("Content policy.");
    }

    [Fact]
    public async Task A_create_that_answers_a_terminal_task_returns_without_polling()
    {
        GivenCreateAnswers(WaitHarness.Task("succeeded"));

        var done = await _h.Client.Generations.CreateAndWaitAsync(Request);

        done.Status.Should().Be(GenerationStatus.Succeeded);
        _h.Polls.Should().Be(0);
    }

    [Fact]
    public async Task Wait_options_that_do_not_fit_together_are_refused_before_the_create_is_sent()
    {
        GivenCreateAnswers(WaitHarness.Task("queued"));
        var options = new WaitOptions { PollInterval = TimeSpan.FromSeconds(20) };

        await FluentActions.Awaiting(() => _h.Client.Generations.CreateAndWaitAsync(Request, options))
            .Should().ThrowAsync<ArgumentException>().WithParameterName("waitOptions");
        _h.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task An_invalid_request_is_refused_before_anything_is_sent()
    {
        GivenCreateAnswers(WaitHarness.Task("queued"));
        var invalid = Request with { Prompt = "" };

        await FluentActions.Awaiting(() => _h.Client.Generations.CreateAndWaitAsync(invalid))
            .Should().ThrowAsync<RivyaValidationException>();
        _h.Server.LogEntries.Should().BeEmpty();
    }

    private void GivenCreateAnswers(string body) =>
        _h.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/api/v1/generations").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(body));
}
