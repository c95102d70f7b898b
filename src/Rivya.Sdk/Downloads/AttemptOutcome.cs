using System.Net;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>How one download attempt ended, when it did not throw.</summary>
internal readonly struct AttemptOutcome
{
    private AttemptOutcome(OutcomeKind kind, string? reason, int? statusCode, AttemptFacts facts)
    {
        Kind = kind;
        Reason = reason;
        StatusCode = statusCode;
        Facts = facts;
    }

    public OutcomeKind Kind { get; }

    /// <summary>Why the attempt must be tried again (written by the SDK, never server text).</summary>
    public string? Reason { get; }

    public int? StatusCode { get; }

    /// <summary>What the exchange produced, for <see cref="RetryDecision"/>.</summary>
    public AttemptFacts Facts { get; }

    public static AttemptOutcome Complete(int statusCode) => new(OutcomeKind.Complete, null, statusCode, default);

    /// <summary>An answer to try again: <paramref name="facts"/> say what it was (a status, a fault, the idle timeout).</summary>
    public static AttemptOutcome Retry(string reason, int? statusCode, AttemptFacts facts) => new(OutcomeKind.Retry, reason, statusCode, facts);

    /// <summary>
    /// A 200/206 (or a 416) whose body could not be used (cut short, not the same file, past its announced size): the
    /// decision treats it as it treats an unreadable 2xx, worth asking again.
    /// </summary>
    public static AttemptOutcome Unusable(string reason, int status) =>
        Retry(reason, status, AttemptFacts.Answer((HttpStatusCode)status, null, unreadableSuccess: true));

    public static AttemptOutcome Gone(int statusCode) => new(OutcomeKind.Gone, null, statusCode, default);
}

internal enum OutcomeKind
{
    /// <summary>Every byte is written.</summary>
    Complete,

    /// <summary>A cut, a stall, a 408/429/5xx, an answer that did not fit: <see cref="RetryDecision"/> says when to resume.</summary>
    Retry,

    /// <summary>403, 404 or 410 from the result host: the URL expired or the file is gone.</summary>
    Gone,
}
