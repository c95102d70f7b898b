using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace Rivya.Cli.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM. The first one cancels <see cref="Stopping"/> at once (stop submitting; waits and
/// downloads are abandoned: a re-run resumes them) and <see cref="CreateGrace"/> after a short grace, so a create
/// already sent can still learn its task id; a watchdog ends the process 9 seconds later whatever is still running.
/// The second one ends the process at once with 130 (the journal is consistent at every line).
/// </summary>
internal sealed class Interrupts : IDisposable
{
    /// <summary>How long a create already sent may still run after the first Ctrl+C.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(9);

    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _createGrace = new();
    private readonly IDisposable[] _registrations;
    private int _count;
    private Timer? _watchdog;

    private Interrupts(bool listen) =>
        _registrations = listen
            ? [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)]
            : [];

    /// <summary>Cancelled by the first Ctrl+C: submit nothing more, abandon waits and downloads.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Cancelled <see cref="Grace"/> after the first Ctrl+C: a create still unanswered gives up then.</summary>
    public CancellationToken CreateGrace => _createGrace.Token;

    public bool Interrupted => Volatile.Read(ref _count) > 0;

    public static Interrupts ForProcess() => new(listen: true);

    /// <summary>Interrupts that only <see cref="Interrupt"/> triggers (for in-process tests).</summary>
    public static Interrupts Manual() => new(listen: false);

    /// <summary>What the first signal does, without the process-ending parts.</summary>
    public void Interrupt()
    {
        _stopping.Cancel();
        _createGrace.CancelAfter(Grace);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _watchdog?.Dispose();
        _stopping.Dispose();
        _createGrace.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref _count) > 1)
        {
            Environment.Exit(ExitCodes.Cancelled);
        }

        Interrupt();
        _watchdog = new Timer(_ => Environment.Exit(ExitCodes.Cancelled), null, Watchdog, Timeout.InfiniteTimeSpan);
    }
}
