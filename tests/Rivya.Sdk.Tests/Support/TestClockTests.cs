using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Polly;
using Polly.Timeout;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Support;

public class TestClockTests
{
    [Fact]
    public async Task Sees_a_polly_timeout_armed_on_a_pooled_timer_and_fires_it_on_advance()
    {
        var clock = new TestClock();
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = _ => new ValueTask<TimeSpan>(TimeSpan.FromSeconds(100)) })
            .Build();
        var task = pipeline.ExecuteAsync(async ct => await Task.Delay(Timeout.Infinite, ct), CancellationToken.None).AsTask();
        await Task.Yield();
        clock.AllTimers.Should().ContainSingle();
        clock.Advance(TimeSpan.FromSeconds(100));
        await FluentActions.Awaiting(() => task).Should().ThrowAsync<TimeoutRejectedException>();
    }
}
