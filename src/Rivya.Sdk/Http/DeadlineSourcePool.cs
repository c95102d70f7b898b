using System;
using System.Threading;

namespace Rivya.Sdk.Http;

/// <summary>
/// Spare token sources for <see cref="AttemptDeadline"/>, one pool per client. A reset source keeps its timer and
/// its registration list, so reusing one spares an attempt those allocations.
/// </summary>
/// <remarks>
/// Shared by the client's calls, not per thread: an attempt usually starts on the caller's thread and ends on a pool
/// thread, so a per-thread spare would never come back to where the next attempt starts. A few slots cover the calls
/// in flight at once; beyond them a source is simply created and disposed. Only net8.0+ reuses sources
/// (<c>CancellationTokenSource.TryReset</c>).
/// </remarks>
internal sealed class DeadlineSourcePool
{
    private readonly CancellationTokenSource?[] _spares = new CancellationTokenSource?[Math.Min(Environment.ProcessorCount * 2, 32)];

    /// <summary>A spare source, or null when there is none.</summary>
    public CancellationTokenSource? Take()
    {
        for (var i = 0; i < _spares.Length; i++)
        {
            if (Volatile.Read(ref _spares[i]) is not null && Interlocked.Exchange(ref _spares[i], null) is { } spare)
            {
                // A timer that was already firing when the source was reset can still cancel it afterwards; such a
                // source would end the next attempt at once, so it is dropped.
                if (!spare.IsCancellationRequested)
                {
                    return spare;
                }

                spare.Dispose();
            }
        }

        return null;
    }

    /// <summary>Keeps a reset, uncancelled <paramref name="source"/> for a later attempt; false when every slot is full.</summary>
    public bool GiveBack(CancellationTokenSource source)
    {
        for (var i = 0; i < _spares.Length; i++)
        {
            if (Volatile.Read(ref _spares[i]) is null && Interlocked.CompareExchange(ref _spares[i], source, null) is null)
            {
                return true;
            }
        }

        return false;
    }
}
