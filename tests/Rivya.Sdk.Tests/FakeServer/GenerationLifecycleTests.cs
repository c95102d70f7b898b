using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

public class GenerationLifecycleTests : FakeServerTestBase
{
    [Fact]
    public async Task A_task_goes_queued_then_processing_then_succeeded_and_the_balance_is_debited_once()
    {
        var before = Fake.Balance;

        var created = await PostGenerationAsync(ValidKling30Body);

        created.Status.Should().Be(HttpStatusCode.Created);
        created.ContentType.Should().Be("application/json");
        var id = created.Json["id"]!.GetValue<string>();
        id.Should().StartWith("task_");
        created.Json["status"]!.GetValue<string>().Should().Be("queued");
        created.Json["model"]!.GetValue<string>().Should().Be("kling-3-0");
        created.Json["reserved_credits"]!.GetValue<decimal>().Should().Be(ModelCatalog.Kling30.BaseCredits);
        created.Json["final_credits"]!.GetValue<decimal>().Should().Be(0);
        created.Json["result"].Should().BeNull();
        created.Json["error"].Should().BeNull();
        created.Json.AsObject().ContainsKey("result").Should().BeTrue("result is sent as an explicit null");
        created.Json["created_at"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$");
        Fake.Balance.Should().Be(before - 90);

        var first = await GetAsync($"api/v1/generations/{id}");
        first.Status.Should().Be(HttpStatusCode.OK);
        first.Json["status"]!.GetValue<string>().Should().Be("processing");
        first.Json["final_credits"]!.GetValue<decimal>().Should().Be(0);
        first.Json["result"].Should().BeNull();

        var second = await GetAsync($"api/v1/generations/{id}");
        second.Json["status"]!.GetValue<string>().Should().Be("succeeded");
        second.Json["final_credits"]!.GetValue<decimal>().Should().Be(90);
        second.Json["error"].Should().BeNull();
        var primary = second.Json["result"]!["primary_url"]!.GetValue<string>();
        primary.Should().StartWith(Fake.MediaBaseAddress.AbsoluteUri, "results live on the fake's result host, another origin like a CDN").And.EndWith(".mp4");
        second.Json["result"]!["urls"]!.AsArray().Should().ContainSingle().Which!.GetValue<string>().Should().Be(primary);

        var third = await GetAsync($"api/v1/generations/{id}");
        third.Json["status"]!.GetValue<string>().Should().Be("succeeded", "a terminal task stays terminal");
        Fake.Balance.Should().Be(before - 90);
        Fake.GenerationCount.Should().Be(1);

        var balance = await GetAsync("api/v1/credits");
        balance.Json["current_credits"]!.GetValue<decimal>().Should().Be(before - 90);
    }

    [Fact]
    public async Task The_result_url_serves_an_mp4_from_the_fake_itself()
    {
        var id = await CreateTaskAsync();
        await GetAsync($"api/v1/generations/{id}");
        var done = await GetAsync($"api/v1/generations/{id}");

        using var media = await NewClient(apiKey: null).GetAsync(done.Json["result"]!["primary_url"]!.GetValue<string>());

        media.StatusCode.Should().Be(HttpStatusCode.OK);
        media.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        MediaSignature.Detect(await media.Content.ReadAsByteArrayAsync()).Should().Be("video/mp4");
    }

    [Fact]
    public async Task An_unknown_task_answers_404_not_found()
    {
        var answer = await GetAsync("api/v1/generations/task_does_not_exist");

        answer.Status.Should().Be(HttpStatusCode.NotFound);
        answer.ErrorCode.Should().Be("not_found");
        answer.Json["error"]!["requestId"]!.GetValue<string>().Should().StartWith("req_");
    }

    [Fact]
    public async Task FailNextGeneration_makes_the_next_task_end_failed_with_that_error_and_refunds_it()
    {
        var before = Fake.Balance;
        Fake.FailNextGeneration("generation_failed", "The model rejected the prompt.");

        var id = await CreateTaskAsync();
        Fake.Balance.Should().Be(before - 90, "credits are reserved at creation");
        (await GetAsync($"api/v1/generations/{id}")).Json["status"]!.GetValue<string>().Should().Be("processing");
        var failed = await GetAsync($"api/v1/generations/{id}");

        failed.Status.Should().Be(HttpStatusCode.OK, "a failed generation is not an HTTP error");
        failed.Json["status"]!.GetValue<string>().Should().Be("failed");
        failed.Json["error"]!["code"]!.GetValue<string>().Should().Be("generation_failed");
        failed.Json["error"]!["message"]!.GetValue<string>().Should().Be("The model rejected the prompt.");
        failed.Json["result"].Should().BeNull();
        failed.Json["final_credits"]!.GetValue<decimal>().Should().Be(0);
        Fake.Balance.Should().Be(before);
    }

    [Fact]
    public async Task FailNextGeneration_fails_only_the_next_generation()
    {
        Fake.FailNextGeneration("content_policy", "Nope.");
        var failing = await CreateTaskAsync();
        var healthy = await CreateTaskAsync();

        for (var i = 0; i < 2; i++)
        {
            await GetAsync($"api/v1/generations/{failing}");
            await GetAsync($"api/v1/generations/{healthy}");
        }

        (await GetAsync($"api/v1/generations/{failing}")).Json["error"]!["code"]!.GetValue<string>().Should().Be("content_policy");
        (await GetAsync($"api/v1/generations/{healthy}")).Json["status"]!.GetValue<string>().Should().Be("succeeded");
    }

    [Fact]
    public async Task Not_enough_credits_answers_402_insufficient_credits_and_creates_nothing()
    {
        Fake.SetBalance(89);

        var answer = await PostGenerationAsync(ValidKling30Body);

        answer.Status.Should().Be((HttpStatusCode)402);
        answer.ErrorCode.Should().Be("insufficient_credits");
        answer.ErrorMessage.Should().Contain("90").And.Contain("89");
        Fake.Balance.Should().Be(89);
        Fake.GenerationCount.Should().Be(0);
    }

    [Fact]
    public async Task Exactly_enough_credits_is_enough()
    {
        Fake.SetBalance(90);

        var answer = await PostGenerationAsync(ValidKling30Body);

        answer.Status.Should().Be(HttpStatusCode.Created);
        Fake.Balance.Should().Be(0);
    }
}
