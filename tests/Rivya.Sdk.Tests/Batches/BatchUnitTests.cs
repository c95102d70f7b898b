using System;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Rivya.Sdk.Batches;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Batches;

/// <summary>The batch's parts that need no server: they also run on the netstandard2.0 leg.</summary>
public sealed class BatchUnitTests
{
    private static GenerationRequest Request(string prompt, string? clientRequestId = null) =>
        new() { Prompt = prompt, Params = new Kling30Params { Duration = 5 }, ClientRequestId = clientRequestId };

    [Fact]
    public void A_derived_key_is_stable_for_the_same_item_and_differs_by_content_and_index()
    {
        var first = BatchKeys.For(Request("a boat"), 3, null);

        BatchKeys.For(Request("a boat"), 3, null).Should().Be(first);
        BatchKeys.For(Request("a boat"), 4, null).Should().NotBe(first);
        BatchKeys.For(Request("a ship"), 3, null).Should().NotBe(first);
        BatchKeys.For(Request("a boat", "order-9"), 3, null).Should().Be("order-9");
        BatchKeys.For(Request("a boat", "order-9"), 3, (_, i) => "k" + i).Should().Be("k3");
        FluentActions.Invoking(() => BatchKeys.For(Request("a boat"), 3, (_, _) => " ")).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task The_gate_holds_every_caller_until_the_pause_ends_and_a_shorter_pause_does_not_cut_it()
    {
        var clock = new TestClock();
        var gate = new BatchRateGate(clock, NullLogger.Instance, Rivya.Sdk.Http.RivyaMetrics.Shared);
        await gate.WaitAsync(default).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        gate.Pause(TimeSpan.FromSeconds(10));
        gate.Pause(TimeSpan.FromSeconds(2));
        var first = gate.WaitAsync(default).AsTask();
        var second = gate.WaitAsync(default).AsTask();
        await clock.NextTimerAsync();
        await clock.NextTimerAsync();

        clock.Advance(TimeSpan.FromSeconds(9));
        first.IsCompleted.Should().BeFalse();
        second.IsCompleted.Should().BeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
