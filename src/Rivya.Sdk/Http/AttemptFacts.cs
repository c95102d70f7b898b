using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using Polly.Timeout;

namespace Rivya.Sdk.Http;

/// <summary>What one exchange produced, as <see cref="RetryDecision"/> needs it: an answer, a fault, or a timeout.</summary>
/// <param name="Status">The answer's status; 0 when there was none.</param>
/// <param name="RetryAfter">The answer's <c>Retry-After</c>.</param>
/// <param name="UnreadableSuccess">A 2xx whose body could not be read: transient, like a 5xx.</param>
/// <param name="Fault">What the exchange threw instead of answering.</param>
/// <param name="TimedOut">The exchange's own deadline passed (an attempt timeout, a download's idle watch).</param>
internal readonly record struct AttemptFacts(int Status, TimeSpan? RetryAfter, bool UnreadableSuccess, Exception? Fault, bool TimedOut)
{
    public bool IsSuccess => Status is >= 200 and <= 299 && !UnreadableSuccess;

    public static AttemptFacts Answer(HttpStatusCode status, TimeSpan? retryAfter, bool unreadableSuccess = false) =>
        new((int)status, retryAfter, unreadableSuccess, null, false);

    /// <summary>An answer's status and its <c>Retry-After</c> header (read on <paramref name="clock"/>).</summary>
    public static AttemptFacts Answer(HttpResponseMessage response, TimeProvider clock) =>
        Answer(response.StatusCode, ReadRetryAfter(response.Headers, clock));

    /// <summary>No answer: the exchange threw <paramref name="fault"/> (a <see cref="TimeoutRejectedException"/> is a timeout).</summary>
    public static AttemptFacts Failed(Exception fault) => new(0, null, false, fault, fault is TimeoutRejectedException);

    /// <summary>No answer within the exchange's own deadline.</summary>
    public static AttemptFacts Timeout() => new(0, null, false, null, true);

    /// <summary>What a call that already gave up reported: its answer, or its lack of one.</summary>
    public static AttemptFacts Of(RivyaException exception) => exception switch
    {
        RivyaApiException api => Answer(api.StatusCode, api.RetryAfter, unreadableSuccess: (int)api.StatusCode is >= 200 and <= 299),
        RivyaConnectionException connection => connection.InnerException is { } inner ? Failed(inner) : Timeout(),
        _ => Failed(exception),
    };

    /// <summary><c>Retry-After</c> as delta-seconds or an HTTP date (RFC 9110) on <paramref name="clock"/>; never negative.</summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseHeaders headers, TimeProvider clock)
    {
        var wait = headers.RetryAfter is { } retryAfter ? retryAfter.Delta ?? (retryAfter.Date - clock.GetUtcNow()) : null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
