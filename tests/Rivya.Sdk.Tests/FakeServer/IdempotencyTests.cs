using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

public class IdempotencyTests : FakeServerTestBase
{
    [Fact]
    public async Task The_same_key_and_body_answer_the_same_task_and_charge_once()
    {
        var before = Fake.Balance;

        var first = await PostGenerationAsync(ValidKling30Body, idempotencyKey: "order-123");
        var replay = await PostGenerationAsync(ValidKling30Body, idempotencyKey: "order-123");

        first.Status.Should().Be(HttpStatusCode.Created);
        replay.Status.Should().Be(HttpStatusCode.Created);
        replay.Json["id"]!.GetValue<string>().Should().Be(first.Json["id"]!.GetValue<string>());
        Fake.Balance.Should().Be(before - 90);
        Fake.GenerationCount.Should().Be(1);
    }

    [Fact]
    public async Task A_replay_answers_the_task_as_it_is_now()
    {
        var first = await PostGenerationAsync(ValidKling30Body, idempotencyKey: "k");
        await GetAsync($"api/v1/generations/{first.Json["id"]}");

        var replay = await PostGenerationAsync(ValidKling30Body, idempotencyKey: "k");

        replay.Json["status"]!.GetValue<string>().Should().Be("processing");
    }

    [Fact]
    public async Task The_same_body_with_other_key_order_and_spacing_is_the_same_request()
    {
        var first = await PostGenerationAsync("""{"model":"kling-3-0","prompt":"p","params":{"duration":"5","mode":"std"}}""", "k");
        var replay = await PostGenerationAsync("""{ "params": { "mode": "std", "duration": "5" }, "prompt": "p", "model": "kling-3-0" }""", "k");

        replay.Status.Should().Be(HttpStatusCode.Created);
        replay.Json["id"]!.GetValue<string>().Should().Be(first.Json["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_answers_409_idempotency_conflict()
    {
        await PostGenerationAsync(ValidKling30Body, idempotencyKey: "order-123");
        var balance = Fake.Balance;

        var conflict = await PostGenerationAsync("""{"model":"kling-3-0","prompt":"Another prompt"}""", idempotencyKey: "order-123");

        conflict.Status.Should().Be(HttpStatusCode.Conflict);
        conflict.ErrorCode.Should().Be("idempotency_conflict");
        conflict.ErrorMessage.Should().Contain("order-123");
        Fake.Balance.Should().Be(balance);
        Fake.GenerationCount.Should().Be(1);
    }

    [Fact]
    public async Task Different_keys_or_no_key_make_separate_tasks()
    {
        var a = await PostGenerationAsync(ValidKling30Body, "a");
        var b = await PostGenerationAsync(ValidKling30Body, "b");
        var none1 = await PostGenerationAsync(ValidKling30Body);
        var none2 = await PostGenerationAsync(ValidKling30Body);

        new[] { a, b, none1, none2 }.Select(x => x.Json["id"]!.GetValue<string>()).Should().OnlyHaveUniqueItems();
        Fake.GenerationCount.Should().Be(4);
    }

    [Fact]
    public async Task A_replay_is_answered_even_when_the_balance_no_longer_covers_a_new_task()
    {
        var first = await PostGenerationAsync(ValidKling30Body, "k");
        Fake.SetBalance(0);

        var replay = await PostGenerationAsync(ValidKling30Body, "k");

        replay.Status.Should().Be(HttpStatusCode.Created);
        replay.Json["id"]!.GetValue<string>().Should().Be(first.Json["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_creates_with_one_key_make_one_task()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostGenerationAsync(ValidKling30Body, "race")));

        answers.Select(a => a.Json["id"]!.GetValue<string>()).Distinct().Should().ContainSingle();
        Fake.GenerationCount.Should().Be(1);
    }
}
