using System;
using System.Net;

namespace Rivya.Sdk.Testing;

/// <summary>
/// An HTTP fault a <see cref="FakeRivyaServer"/> answers instead of handling a request; queue it with
/// <see cref="FakeRivyaServer.InjectFaults(int, FakeFault)"/>.
/// </summary>
/// <param name="Status">The HTTP status to answer, e.g. 429 or 503.</param>
public sealed record FakeFault(HttpStatusCode Status)
{
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
