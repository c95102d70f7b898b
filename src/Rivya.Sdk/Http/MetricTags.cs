using System;

namespace Rivya.Sdk.Http;

/// <summary>
/// Metric tag values, each from a fixed set: a server string never becomes a tag (an unbounded set of values breaks a
/// metrics backend, and a hostile server could answer the key itself). Anything outside a set is <c>other</c>.
/// </summary>
internal static class MetricTags
{
    public const string Other = "other";

    private static readonly string[] ErrorCodes =
    [
        "validation_failed", "api_key_missing", "api_key_invalid", "api_key_revoked", "api_key_expired", "api_scope_denied",
        "not_found", "idempotency_conflict", "insufficient_credits", "rate_limited", "public_api_disabled",
        "webhook_url_rejected",
    ];

    private static readonly string[] Statuses = ["http_400", "http_401", "http_402", "http_403", "http_404", "http_408", "http_409", "http_413", "http_422", "http_429", "http_500", "http_502", "http_503", "http_504"];

    private static readonly string[] Exceptions =
    [
        "HttpRequestException", "HttpIOException", "TimeoutRejectedException", "IOException", "JsonException",
        "OperationCanceledException", "TaskCanceledException", "InvalidOperationException", "SocketException",
        "AuthenticationException",
    ];

    private static readonly string[] GenerationStatuses = ["queued", "processing", "succeeded", "failed"];

    /// <summary>The outcome of an answered call: <c>success</c>, a documented error code, <c>http_</c> and a known status, else <c>other</c>.</summary>
    public static string Outcome(bool success, string? errorCode, int statusCode)
    {
        if (success)
        {
            return "success";
        }

        if (errorCode is not null)
        {
            return Known(ErrorCodes, errorCode);
        }

        return statusCode switch
        {
            >= 400 and < 600 => Known(Statuses, "http_" + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => Other,
        };
    }

    /// <summary>The outcome of a call that got no answer: the exception's type name when it is a known one, else <c>other</c>.</summary>
    public static string Failure(Exception exception) => Known(Exceptions, exception.GetType().Name);

    /// <summary>A model id the built-in catalogue knows, else <c>other</c>.</summary>
    public static string Model(string? model) =>
        ModelCatalog.Find(model)?.Id ?? Other;

    public static string Status(GenerationStatus status) => Known(GenerationStatuses, status.ToString());

    // The set's own string is returned, never the input, so the tag is always one of the constants.
    private static string Known(string[] set, string value)
    {
        foreach (var known in set)
        {
            if (string.Equals(known, value, StringComparison.Ordinal))
            {
                return known;
            }
        }

        return Other;
    }
}
