using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Rivya.Sdk.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer the SDK creates (retry sleeps, attempt timeouts, poll
/// waits) with its due time and its <see cref="TimerKind"/>, so a test can find a timer by what it is, assert the exact
/// schedule and then advance past it. Nothing waits on the wall clock for a schedule: the only real-time bound is a
/// safety limit that fails a hung test.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    private static readonly TimeSpan SafetyLimit = TimeSpan.FromSeconds(15);
    private readonly Channel<(TimeSpan Due, TimerKind Kind)> _timers = Channel.CreateUnbounded<(TimeSpan, TimerKind)>();
    private readonly ConcurrentQueue<(TimeSpan Due, TimerKind Kind)> _all = new();

    public TestClock()
        : base(new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Every finite due time of every timer armed so far, in order.</summary>
    public IReadOnlyList<TimeSpan> AllTimers => [.. _all.Select(t => t.Due)];

    /// <summary>The due times of the sleeps armed so far (retry backoffs, poll intervals), in order.</summary>
    public IReadOnlyList<TimeSpan> AllSleeps => [.. _all.Where(t => t.Kind == TimerKind.Sleep).Select(t => t.Due)];

    /// <summary>The due times of the timeouts armed so far (attempt deadlines, wait deadlines, idle watches), in order.</summary>
    public IReadOnlyList<TimeSpan> AllTimeouts => [.. _all.Where(t => t.Kind == TimerKind.Timeout).Select(t => t.Due)];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Recorded only once armed: a test that advances the moment it hears of a timer must find it scheduled.
        // Wrapped: a timer may be created idle and armed later with Change().
        var kind = KindOf(state);
        var timer = new RecordingTimer(base.CreateTimer(callback, state, dueTime, period), this, kind);
        Record(dueTime, kind);
        return timer;
    }

    /// <summary>
    /// What a timer is, from what it fires on: a timer that cancels a <see cref="CancellationTokenSource"/> (the
    /// runtime's and Microsoft.Bcl.TimeProvider's <c>CancelAfter</c> with a clock) or the download's idle watch is a
    /// timeout; anything else (<c>Task.Delay</c>/<c>TimeProvider.Delay</c>, which Polly and the poller use) is a sleep.
    /// </summary>
    private static TimerKind KindOf(object? state) =>
        state is CancellationTokenSource or Rivya.Sdk.Downloads.IdleWatch ? TimerKind.Timeout : TimerKind.Sleep;

    private void Record(TimeSpan dueTime, TimerKind kind)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _all.Enqueue((dueTime, kind));
            _timers.Writer.TryWrite((dueTime, kind));
        }
    }

    /// <summary>The due time of the next timer the code under test arms.</summary>
    public async Task<TimeSpan> NextTimerAsync() => (await NextAsync()).Due;

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

    /// <summary>The due time of the next sleep (a retry backoff or a poll interval), skipping timeouts.</summary>
    public async Task<TimeSpan> NextSleepAsync()
    {
        while (true)
        {
            var timer = await NextAsync();
            if (timer.Kind == TimerKind.Sleep)
            {
                return timer.Due;
            }
        }
    }

    /// <summary>
    /// Advances past every sleep armed until <paramref name="work"/> ends (timeouts are left to fire on their own), so a
    /// download's resume backoffs take no wall time; answers <paramref name="work"/>'s result. Not for a test that also
    /// reads the timers itself.
    /// </summary>
    public async Task<T> RunSleepsAsync<T>(Task<T> work)
    {
        using var done = new CancellationTokenSource();
        _ = work.ContinueWith(_ => done.Cancel(), TaskScheduler.Default);
        try
        {
            while (!work.IsCompleted)
            {
                var timer = await _timers.Reader.ReadAsync(done.Token);
                if (timer.Kind == TimerKind.Sleep)
                {
                    Advance(timer.Due);
                }
            }
        }
        catch (OperationCanceledException) when (work.IsCompleted)
        {
        }

        return await work;
    }

    /// <inheritdoc cref="RunSleepsAsync{T}(Task{T})"/>
    public Task RunSleepsAsync(Task work) => RunSleepsAsync(work.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default));

    private async Task<(TimeSpan Due, TimerKind Kind)> NextAsync()
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

    private sealed class RecordingTimer : ITimer
    {
        private readonly ITimer _inner;
        private readonly TestClock _clock;
        private readonly TimerKind _kind;

        public RecordingTimer(ITimer inner, TestClock clock, TimerKind kind)
        {
            _inner = inner;
            _clock = clock;
            _kind = kind;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = _inner.Change(dueTime, period);
            _clock.Record(dueTime, _kind);
            return changed;
        }

        public void Dispose() => _inner.Dispose();

        public ValueTask DisposeAsync() => _inner.DisposeAsync();
    }
}

/// <summary>What a timer armed on the <see cref="TestClock"/> is for.</summary>
public enum TimerKind
{
    /// <summary>A delay the code awaits: a retry backoff, a poll interval.</summary>
    Sleep,

    /// <summary>A limit that cancels work when it passes: an attempt or wait deadline, a download's idle watch.</summary>
    Timeout,
}
