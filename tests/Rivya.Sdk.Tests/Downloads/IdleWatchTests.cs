using System;
using System.Threading;
using FluentAssertions;
using Rivya.Sdk.Downloads;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>An idle time longer than any timer holds (DownloadOptions accepts it) arms no timer instead of throwing.</summary>
public sealed class IdleWatchTests
{
    [Fact]
    public void An_idle_time_of_100_days_on_the_system_clock_starts_and_never_fires()
    {
        var start = () => new IdleWatch(TimeSpan.FromDays(100), TimeProvider.System, CancellationToken.None);

        using var watch = start.Should().NotThrow("DownloadOptions.IdleTimeout accepts any positive value").Subject;
        watch.TimedOut.Should().BeFalse();
        watch.Token.IsCancellationRequested.Should().BeFalse();
    }
}
