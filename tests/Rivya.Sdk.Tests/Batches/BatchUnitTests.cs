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
        FluentActions.Invoking(() => BatchKeys.For(Request("a boat"), 3, (_, _) => " ")).Should().Throw<RivyaValidationException>()
            .Which.Errors.Should().ContainSingle().Which.Message.Should().Contain("blank key").And.Contain("item 3");
        FluentActions.Invoking(() => BatchKeys.For(Request("a boat"), 3, (_, _) => throw new FormatException("bad\r\nline"))).Should().Throw<RivyaValidationException>()
            .Which.Message.Should().Contain("FormatException").And.NotContain("\r");
    }

    [Fact]
    public void The_derived_key_of_a_fixed_request_is_pinned_so_a_rerun_in_another_process_reaches_the_same_task()
    {
        // A literal, not a second computation: keys are compared across processes (a re-run after a crash), so a key
        // built from anything process-bound (GetHashCode, a reference) must fail here, not only in production.
        BatchKeys.For(Request("a boat"), 3, null).Should().Be("batch-8acf95d3e397bb800639e6a1402b4705-3");
        BatchKeys.For(Request("a boat") with { Params = new Kling30Params { Duration = 10 } }, 0, null).Should().Be("batch-4a3e0aaaca72601ff2b6803029f23874-0");
    }

    [Fact]
    public async Task The_gate_holds_every_caller_until_the_pause_ends_and_a_shorter_pause_does_not_cut_it()
    {
        var clock = new TestClock();
        var gate = new BatchRateGate(clock, NullLogger.Instance);
        await gate.WaitAsync(default).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        gate.Close(TimeSpan.FromSeconds(10));
        gate.Close(TimeSpan.FromSeconds(2));
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
