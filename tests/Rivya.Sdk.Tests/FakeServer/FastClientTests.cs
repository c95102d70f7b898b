using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Rivya.Sdk.Testing;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

/// <summary>
/// The ready-made fast way: a client from <see cref="FakeRivyaServer.CreateClient"/> runs a whole create-and-wait
/// without the production schedule (whose first two polls alone take 7.5 s, far beyond these tests' bounds).
/// </summary>
public sealed class FastClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_create_and_wait_on_the_fake_client_needs_no_clock_and_reports_every_status_in_order_before_returning()
    {
        await using var fake = FakeRivyaServer.Start();
        using var client = fake.CreateClient();
        var seen = new List<GenerationStatus>();
        var options = FakeRivyaServer.FastWaitOptions with { OnStatusChanged = g => seen.Add(g.Status) };

        var done = await client.Generations.CreateAndWaitAsync(Request(), options).WaitAsync(Bound);
        var reportedBeforeReturn = seen.ToList();

        done.Status.Should().Be(GenerationStatus.Succeeded);
        done.PrimaryUrl.Should().StartWith(fake.MediaBaseAddress.AbsoluteUri);
        reportedBeforeReturn.Should().Equal(GenerationStatus.Queued, GenerationStatus.Processing, GenerationStatus.Succeeded);
    }

    [Fact]
    public async Task Without_wait_options_the_fake_client_uses_the_fast_schedule()
    {
        await using var fake = FakeRivyaServer.Start();
        using var client = fake.CreateClient();

        var done = await client.Generations.CreateAndWaitAsync(Request(), default(System.Threading.CancellationToken)).WaitAsync(Bound);

        done.Status.Should().Be(GenerationStatus.Succeeded);
        fake.Requests.Count(r => r.Method == "GET").Should().Be(2, "the fake succeeds on the second poll");
    }

    [Fact]
    public async Task A_callers_wait_options_that_set_only_a_callback_keep_the_fast_schedule()
    {
        // The trap this closes: new WaitOptions { ... } used to replace the client's default whole, bringing back the
        // production schedule (2.5 s, then 5 s). The clock is the test's, so the schedule shows as the timers armed.
        await using var fake = FakeRivyaServer.Start();
        var clock = new Support.TestClock();
        using var client = fake.CreateClient(o => o.TimeProvider = clock);
        var seen = new List<GenerationStatus>();

        var call = client.Generations.CreateAndWaitAsync(Request(), new WaitOptions { OnStatusChanged = g => seen.Add(g.Status) });
        var sleep = await clock.NextSleepAsync();
        clock.Advance(sleep);
        var done = await call.WaitAsync(Bound);

        sleep.Should().Be(FakeRivyaServer.FastWaitOptions.PollInterval, "the poll interval comes from the fake client's default");
        clock.AllSleeps.Should().OnlyContain(s => s <= FakeRivyaServer.FastWaitOptions.MaxPollInterval);
        clock.AllTimeouts.Should().Contain(FakeRivyaServer.FastWaitOptions.Timeout, "the wait's deadline is inherited too");
        done.Status.Should().Be(GenerationStatus.Succeeded);
        seen.Should().Equal(GenerationStatus.Queued, GenerationStatus.Processing, GenerationStatus.Succeeded);
        fake.Requests.Count(r => r.Method == "GET").Should().Be(2, "the fake succeeds on the second poll");
    }

    [Fact]
    public async Task ConfigureClient_points_a_dependency_injected_client_at_the_fake()
    {
        await using var fake = FakeRivyaServer.Start();
        var services = new ServiceCollection();
        services.AddRivyaClient(fake.ConfigureClient);
        using var provider = services.BuildServiceProvider();

        var done = await provider.GetRequiredService<GenerationsClient>().CreateAndWaitAsync(Request(), default(System.Threading.CancellationToken)).WaitAsync(Bound);

        done.Status.Should().Be(GenerationStatus.Succeeded);
        fake.GenerationCount.Should().Be(1);
    }

    [Fact]
    public async Task A_client_option_given_to_CreateClient_wins_over_the_fast_default()
    {
        await using var fake = FakeRivyaServer.Start();
        var mine = new WaitOptions { InitialDelay = TimeSpan.Zero };
        using var client = fake.CreateClient(o => o.DefaultWaitOptions = mine);

        client.Generations.Pipeline.Options.DefaultWaitOptions.Should().BeSameAs(mine);
        client.Generations.Pipeline.Options.ApiKey.Should().Be(fake.ApiKey);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_client_from_a_disposed_scope_still_works()
    {
        await using var fake = FakeRivyaServer.Start();
        var services = new ServiceCollection();
        services.AddRivyaClient(fake.ConfigureClient);
        using var provider = services.BuildServiceProvider();

        RivyaClient client;
        using (var scope = provider.CreateScope())
        {
            client = scope.ServiceProvider.GetRequiredService<RivyaClient>();
        }

        var balance = await client.Credits.GetBalanceAsync().WaitAsync(TimeSpan.FromSeconds(30));

        balance.CurrentCredits.Should().Be(fake.Balance);
    }

    private static GenerationRequest Request() => new() { Prompt = "A fox", Params = new Kling30Params { Duration = 5 } };
}
