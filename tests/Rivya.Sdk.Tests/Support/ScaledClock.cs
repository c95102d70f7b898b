using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Tests.Support;

/// <summary>
/// A clock that runs <see cref="Speed"/> times faster than the wall clock: a 1-second retry backoff fires after 1 ms,
/// a 100-second attempt timeout after 100 ms. For the soak, where thousands of calls with real I/O cannot be stepped
/// one by one on a <see cref="TestClock"/>: the SDK's whole schedule (backoff, Retry-After, poll sleeps, timeouts)
/// keeps its shape, just compressed, so the run takes seconds.
/// </summary>
public sealed class ScaledClock : TimeProvider
{
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _startUtc = new(2026, 5, 11, 0, 0, 0, TimeSpan.Zero);

    public ScaledClock(double speed) => Speed = speed;

    public double Speed { get; }

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override long GetTimestamp() => _startTimestamp + (long)((Stopwatch.GetTimestamp() - _startTimestamp) * Speed);

    public override DateTimeOffset GetUtcNow() =>
        _startUtc + TimeSpan.FromTicks((long)(Stopwatch.GetElapsedTime(_startTimestamp).Ticks * Speed));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span == TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)(span.Ticks / Speed)));

    private sealed class ScaledTimer(ITimer inner, ScaledClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
