using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Rivya.Sdk.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer the SDK creates (retry sleeps, attempt timeouts, poll
/// waits) with its due time, so a test can assert the exact schedule and then advance past it. Nothing waits on the
/// wall clock for a schedule: the only real-time bound is a safety limit that fails a hung test.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    private static readonly TimeSpan SafetyLimit = TimeSpan.FromSeconds(15);
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();
    private readonly ConcurrentQueue<TimeSpan> _all = new();

    public TestClock()
        : base(new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Every finite due time of every timer created so far, in order.</summary>
    public IReadOnlyCollection<TimeSpan> AllTimers => _all;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Wrapped: Polly's pooled timeouts create an idle timer and arm it later with Change(). Recorded only once the
        // timer exists: a test that advances the clock as soon as it hears of a timer must not outrun its creation.
        var timer = new RecordingTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Record(dueTime);
        return timer;
    }

    private void Record(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _all.Enqueue(dueTime);
            _timers.Writer.TryWrite(dueTime);
        }
    }

    /// <summary>The due time of the next timer the code under test creates.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var safety = new CancellationTokenSource(SafetyLimit);
        try
        {
            return await _timers.Reader.ReadAsync(safety.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No timer was created within {SafetyLimit.TotalSeconds} s of real time; timers so far: {string.Join(", ", _all)}.");
        }
    }

    /// <summary>Waits for the next timer whose due time satisfies <paramref name="match"/>, skipping others.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> match)
    {
        while (true)
        {
            var due = await NextTimerAsync();
            if (match(due))
            {
                return due;
            }
        }
    }

    private sealed class RecordingTimer : ITimer
    {
        private readonly ITimer _inner;
        private readonly TestClock _clock;

        public RecordingTimer(ITimer inner, TestClock clock)
        {
            _inner = inner;
            _clock = clock;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = _inner.Change(dueTime, period);
            _clock.Record(dueTime);
            return changed;
        }

        public void Dispose() => _inner.Dispose();

        public ValueTask DisposeAsync() => _inner.DisposeAsync();
    }
}
