using System;
using System.Net;
using Rivya.Sdk.Testing.Faults;

namespace Rivya.Sdk.Testing;

// Fault injection on the API: queued faults for the next requests, and random faults at a seeded rate.
public sealed partial class FakeRivyaServer
{
    /// <summary>How many upcoming requests will answer an injected fault.</summary>
    public int PendingFaults => _faults.Pending;

    /// <summary>How many requests a fault of <see cref="InjectRandomFaults"/> has struck (for tests of the fake and soaks).</summary>
    internal int RandomFaultsStruck => _randomFaults.Struck;

    /// <summary>
    /// Makes the next <paramref name="count"/> requests (to any path) answer an HTTP fault instead of being handled:
    /// status <paramref name="status"/>, a Rivya error body, and optionally a <c>Retry-After</c> header and a delay.
    /// Faults queue: a later call's faults follow the earlier ones. Faulted requests are still recorded in
    /// <see cref="Requests"/>, and change no state (no task, no charge).
    /// </summary>
    /// <param name="count">How many requests answer the fault; at least 1.</param>
    /// <param name="status">The HTTP status, 400 to 599.</param>
    /// <param name="errorCode">The body's <c>error.code</c>; null picks the documented code for the status (see <see cref="FakeFault.ErrorCode"/>).</param>
    /// <param name="retryAfter">When set, a <c>Retry-After</c> header in whole seconds.</param>
    /// <param name="delay">When set, how long each faulted answer waits (wall clock) before it is sent.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public void InjectFaults(int count, HttpStatusCode status, string? errorCode = null, TimeSpan? retryAfter = null, TimeSpan? delay = null) =>
        InjectFaults(count, new FakeFault(status) { ErrorCode = errorCode, RetryAfter = retryAfter, Delay = delay });

    /// <summary>
    /// Makes the next <paramref name="count"/> requests answer <paramref name="fault"/>: instead of being handled, or,
    /// for the "after work" kinds (<see cref="FakeFault.ErrorAfterWork"/>, <see cref="FakeFault.AbortAfterWork"/>,
    /// <see cref="FakeFault.HalfJson"/>, <see cref="FakeFault.CutBody"/>, <see cref="FakeFault.Slow"/>), after being
    /// handled (a create then makes and charges its task).
    /// </summary>
    /// <param name="count">How many requests answer the fault; at least 1.</param>
    /// <param name="fault">The fault.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fault"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1, the status is not 400 to 599, or a duration is negative.</exception>
    public void InjectFaults(int count, FakeFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        FaultCheck.ThrowIfInvalid(fault, nameof(fault));
        _faults.Enqueue(fault, count);
    }

    /// <summary>
    /// From now on, each request to <c>/api/v1/</c> answers a fault with probability <paramref name="rate"/>, picked at
    /// random (from <paramref name="seed"/>) among <paramref name="faults"/>; none given picks among
    /// <see cref="FakeFault.RandomDefaults"/> (503, an HTML 502, 429 with <c>Retry-After: 1</c>, 500 after the work,
    /// aborts before and after the work, a 2-second slow answer (lost when the client's attempt timeout is shorter), a body cut mid-way, half the JSON). Faults queued with
    /// <see cref="InjectFaults(int, FakeFault)"/> come first. A later call replaces the rate and mix;
    /// <see cref="ClearFaults"/> ends them.
    /// </summary>
    /// <param name="rate">The share of requests that fault, 0 to 1.</param>
    /// <param name="seed">The seed of the random choices: the same seed and the same order of requests fault alike.</param>
    /// <param name="faults">The faults to pick among, equally likely (list one twice to weight it).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is not within 0 to 1, or a fault is invalid.</exception>
    /// <exception cref="ArgumentNullException">A fault is null.</exception>
    public void InjectRandomFaults(double rate, int seed, params FakeFault[] faults)
    {
        if (rate is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The fault rate must be between 0 and 1.");
        }

        ArgumentNullException.ThrowIfNull(faults);
        foreach (var fault in faults)
        {
            FaultCheck.ThrowIfInvalid(fault, nameof(faults));
        }

        _randomFaults.Start(rate, seed, faults.Length == 0 ? FakeFault.RandomDefaults : faults);
    }

    /// <summary>Drops the faults not yet answered, and stops random faults.</summary>
    public void ClearFaults()
    {
        _faults.Clear();
        _randomFaults.Stop();
    }
}
