using System;
using System.Net;
using System.Net.Http;
using Polly.Timeout;

namespace Rivya.Sdk.Http;

/// <summary>What one exchange produced, as <see cref="RetryDecision"/> needs it: an answer, a fault, or a timeout.</summary>
internal readonly struct AttemptFacts
{
    private AttemptFacts(int status, TimeSpan? retryAfter, bool unreadableSuccess, Exception? fault, bool timedOut)
    {
        Status = status;
        RetryAfter = retryAfter;
        UnreadableSuccess = unreadableSuccess;
        Fault = fault;
        TimedOut = timedOut;
    }

    /// <summary>The answer's status; 0 when there was none.</summary>
    public int Status { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>A 2xx whose body could not be read: transient, like a 5xx.</summary>
    public bool UnreadableSuccess { get; }

    public Exception? Fault { get; }

    /// <summary>The exchange's own deadline passed (an attempt timeout, a download's idle watch).</summary>
    public bool TimedOut { get; }

    public bool IsSuccess => Status is >= 200 and <= 299 && !UnreadableSuccess;

    /// <summary>An answer: its status and <c>Retry-After</c>.</summary>
    public static AttemptFacts Answer(HttpStatusCode status, TimeSpan? retryAfter, bool unreadableSuccess = false) =>
        new((int)status, retryAfter, unreadableSuccess, null, false);

    /// <summary>An answer's status and its <c>Retry-After</c> header (read on <paramref name="clock"/>).</summary>
    public static AttemptFacts Answer(HttpResponseMessage response, TimeProvider clock) =>
        Answer(response.StatusCode, RetryAfterParser.Parse(response.Headers, clock));

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
}
