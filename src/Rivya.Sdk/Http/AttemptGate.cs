using System;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Http;

/// <summary>
/// A hook inside the one retry loop that every attempt of a call passes before it is sent, and that a retried 429
/// closes for everyone using it: a batch's shared rate-limit budget (<c>Batches/BatchRateGate</c>).
/// </summary>
internal interface IAttemptGate
{
    /// <summary>How many 429s one call accepts on the gate's budget (not on its retries) before it reports the last one.</summary>
    int MaxPauses { get; }

    ValueTask WaitAsync(CancellationToken cancellationToken);

    /// <summary>Closes the gate for <paramref name="pause"/> from now (a longer pause already running wins).</summary>
    void Close(TimeSpan pause);
}

/// <summary>
/// The gate of the calls made by the current flow of work, carried like Azure.Core's
/// <c>HttpPipeline.CreateHttpMessagePropertiesScope</c>: set once by a batch worker, seen by every call it makes, even
/// through an overridden <c>CreateAsync</c>/<c>GetAsync</c>, and gone when the worker's async method returns.
/// </summary>
internal static class AttemptGates
{
    private static readonly AsyncLocal<IAttemptGate?> Scope = new();

    public static IAttemptGate? Active => Scope.Value;

    /// <summary>Puts every call of the calling async method (and what it awaits) behind <paramref name="gate"/>.</summary>
    public static void Enter(IAttemptGate gate) => Scope.Value = gate;
}
