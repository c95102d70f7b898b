using System;
using System.Collections.Generic;
using System.Net;

namespace Rivya.Sdk.Testing;

/// <summary>
/// A fault a <see cref="FakeRivyaServer"/> answers instead of (or after) handling a request; queue it with
/// <see cref="FakeRivyaServer.InjectFaults(int, FakeFault)"/>, or let it strike at a seeded rate with
/// <see cref="FakeRivyaServer.InjectRandomFaults"/>. By default (<see cref="Kind"/> <see cref="FakeFaultKind.ErrorAnswer"/>)
/// it answers an HTTP error; the factories below make the other kinds.
/// </summary>
/// <param name="Status">The HTTP status to answer, e.g. 429 or 503 (400 to 599); ignored by the kinds that answer no error.</param>
public sealed record FakeFault(HttpStatusCode Status)
{
    /// <summary>
    /// The mix <see cref="FakeRivyaServer.InjectRandomFaults"/> picks among when given none: 503, an HTML 502, 429 with
    /// <c>Retry-After: 1</c>, 500 after the work, aborts before and after the work, a 2-second slow answer (lost when the client's attempt timeout is shorter), a body cut
    /// mid-way, and a complete answer with half its JSON.
    /// </summary>
    public static IReadOnlyList<FakeFault> RandomDefaults { get; } =
    [
        new(HttpStatusCode.ServiceUnavailable),
        new(HttpStatusCode.BadGateway) { Html = true },
        new(HttpStatusCode.TooManyRequests) { RetryAfter = TimeSpan.FromSeconds(1) },
        ErrorAfterWork(),
        AbortBeforeWork(),
        AbortAfterWork(),
        Slow(TimeSpan.FromSeconds(2)),
        CutBody(),
        HalfJson(),
    ];

    /// <summary>What the fault does; default <see cref="FakeFaultKind.ErrorAnswer"/>.</summary>
    public FakeFaultKind Kind { get; init; }

    /// <summary>Answers an HTML page (as a proxy or load balancer does) instead of Rivya's JSON error body. Default false.</summary>
    public bool Html { get; init; }

    /// <summary>Handles the request, then answers <paramref name="status"/> (default 500) instead of the real answer.</summary>
    public static FakeFault ErrorAfterWork(HttpStatusCode status = HttpStatusCode.InternalServerError) => new(status) { Kind = FakeFaultKind.ErrorAfterWork };

    /// <summary>Closes the connection without answering or handling the request.</summary>
    public static FakeFault AbortBeforeWork() => new(HttpStatusCode.OK) { Kind = FakeFaultKind.AbortBeforeWork };

    /// <summary>Handles the request, then closes the connection without answering.</summary>
    public static FakeFault AbortAfterWork() => new(HttpStatusCode.OK) { Kind = FakeFaultKind.AbortAfterWork };

    /// <summary>Handles the request, then answers it completely but with only the first half of its JSON body.</summary>
    public static FakeFault HalfJson() => new(HttpStatusCode.OK) { Kind = FakeFaultKind.HalfJson };

    /// <summary>Handles the request, then sends half of the answer's body and closes the connection.</summary>
    public static FakeFault CutBody() => new(HttpStatusCode.OK) { Kind = FakeFaultKind.CutBody };

    /// <summary>Handles the request at once, but answers only after <paramref name="delay"/> of wall-clock time (ended early when the server is disposed).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is not positive.</exception>
    public static FakeFault Slow(TimeSpan delay) => delay > TimeSpan.Zero
        ? new(HttpStatusCode.OK) { Kind = FakeFaultKind.Slow, Delay = delay }
        : throw new ArgumentOutOfRangeException(nameof(delay), delay, "A slow answer needs a positive delay.");

    /// <summary>Whether <see cref="Status"/> is what the fault answers (the error kinds), so it must be 400 to 599.</summary>
    internal bool AnswersStatus => Kind is FakeFaultKind.ErrorAnswer or FakeFaultKind.ErrorAfterWork;
    /// <summary>
    /// The body's <c>error.code</c>. Null picks Rivya's documented code for the status: <c>rate_limited</c> for 429,
    /// <c>public_api_disabled</c> for 503, <c>internal_error</c> for other 5xx, <c>injected_fault</c> otherwise.
    /// </summary>
    public string? ErrorCode { get; init; }

    /// <summary>The body's <c>error.message</c>; null gives a message that names the fault as injected.</summary>
    public string? Message { get; init; }

    /// <summary>When set, a <c>Retry-After</c> header in whole seconds (rounded up).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// When set, the answer waits this long (on the wall clock: it stands for a slow network) before it is sent, so a
    /// client's per-attempt timeout can fire first. Disposing the server ends the wait.
    /// </summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>The <c>error.code</c> actually sent: <see cref="ErrorCode"/>, or the default for <see cref="Status"/>.</summary>
    public string EffectiveErrorCode => ErrorCode ?? (int)Status switch
    {
        429 => "rate_limited",
        503 => "public_api_disabled",
        >= 500 => "internal_error",
        _ => "injected_fault",
    };
}
