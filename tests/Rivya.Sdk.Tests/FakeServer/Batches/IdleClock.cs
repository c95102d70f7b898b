using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Rivya.Sdk.Tests.Batches;

/// <summary>
/// The tests that run on an <see cref="IdleClock"/> run alone: the clock knows the code under test is idle only when
/// nothing runs on the process's thread pool, which other tests running beside them would keep busy.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IdleClockTests
{
    public const string Name = "Idle clock";
}

/// <summary>
/// A fake clock for code that does real loopback I/O between its sleeps: it knows every armed timer's due time, and
/// <see cref="RunUntilAsync"/> advances straight to the earliest one each time the code under test is idle: no HTTP
/// call in flight, no work queued or running on the thread pool (beyond the host's own blocked threads), and the set of armed timers unchanged across a few
/// checks. The thread pool is what makes this exact rather than a guess: a flow between two awaits (a batch worker past
/// its gate, not yet at the handler) holds a pool thread however long the machine keeps it descheduled, so fake time
/// never moves under it (it did, on a loaded machine, when "idle" meant only "no call in flight for 3 ms"). Fake time
/// never waits on the wall clock; the only real-time bound is a safety limit that fails a hung test. Tests using it
/// belong to the <see cref="IdleClockTests.Name"/> collection.
/// </summary>
internal sealed class IdleClock : FakeTimeProvider
{
    private readonly object _lock = new();
    private readonly HashSet<TrackedTimer> _armed = new();
    private long _version;
    private int _quietestBusy = int.MaxValue;

    public IdleClock()
        : base(new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Inner = base.CreateTimer(
            s =>
            {
                tracked.Disarm();
                callback(s);
            },
            state,
            dueTime,
            period);
        tracked.Arm(dueTime);
        return tracked;
    }

    /// <summary>Advances fake time, timer by timer, whenever nothing is in flight, until <paramref name="done"/> completes.</summary>
    public async Task RunUntilAsync(Task done, Func<int> inFlight, TimeSpan safetyLimit)
    {
        using var safety = new CancellationTokenSource(safetyLimit);
        while (!done.IsCompleted)
        {
            safety.Token.ThrowIfCancellationRequested();
            var due = await IdleNextDueAsync(done, inFlight, safety.Token);
            if (due is { } next)
            {
                var step = next - GetUtcNow();
                Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero);
            }
        }

        await done;
    }

    private async Task<DateTimeOffset?> IdleNextDueAsync(Task done, Func<int> inFlight, CancellationToken safety)
    {
        var stableChecks = 0;
        var lastVersion = -1L;
        while (!done.IsCompleted)
        {
            // A real-time pause of a millisecond lets continuations of finished I/O run and arm their timers.
            await Task.Delay(1, safety);
            long version;
            DateTimeOffset? earliest;
            lock (_lock)
            {
                version = _version;
                earliest = _armed.Count == 0 ? null : _armed.Min(t => t.Due);
            }

            var idle = inFlight() == 0 && ThreadPoolIdle() && version == lastVersion && earliest is not null;
            stableChecks = idle ? stableChecks + 1 : 0;
            lastVersion = version;
            if (stableChecks >= 3)
            {
                return earliest;
            }
        }

        return null;
    }

    // No work item queued, and no more pool threads busy than at the quietest moment seen: a test host keeps a few
    // pool threads blocked for the whole test (its runner's waits), which are not the code under test.
    private bool ThreadPoolIdle()
    {
        ThreadPool.GetMaxThreads(out var max, out _);
        ThreadPool.GetAvailableThreads(out var available, out _);
        var busy = max - available - (Thread.CurrentThread.IsThreadPoolThread ? 1 : 0);
        _quietestBusy = Math.Min(_quietestBusy, busy);
        return busy <= _quietestBusy && ThreadPool.PendingWorkItemCount == 0;
    }

    private void Changed(TrackedTimer timer, bool armed)
    {
        lock (_lock)
        {
            _version++;
            if (armed)
            {
                _armed.Add(timer);
            }
            else
            {
                _armed.Remove(timer);
            }
        }
    }

    private sealed class TrackedTimer : ITimer
    {
        private readonly IdleClock _clock;

        public TrackedTimer(IdleClock clock) => _clock = clock;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset Due { get; private set; }

        public void Arm(TimeSpan dueTime)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                Disarm();
                return;
            }

            Due = _clock.GetUtcNow() + dueTime;
            _clock.Changed(this, armed: true);
        }

        public void Disarm() => _clock.Changed(this, armed: false);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Disarm();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Disarm();
            return Inner.DisposeAsync();
        }
    }
}
