using System;
using Microsoft.Extensions.Logging;

namespace Rivya.Sdk.Http;

/// <summary>
/// Every line the SDK logs. Each parameter is chosen from an allow-list of safe values (method, path, status, timing,
/// ids): no header, body or key is ever passed to a logger.
/// </summary>
internal static partial class RivyaLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Rivya {Method} {Path} answered {StatusCode} in {ElapsedMs:0} ms (attempt {Attempt}, request id {RequestId})")]
    public static partial void AttemptCompleted(ILogger logger, string method, string path, int statusCode, double elapsedMs, int attempt, string? requestId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Rivya {Method} {Path} failed after {ElapsedMs:0} ms (attempt {Attempt}): {Failure}")]
    public static partial void AttemptFailed(ILogger logger, string method, string path, double elapsedMs, int attempt, string failure);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Rivya {Method} {Path}: retrying in {DelayMs:0} ms (retry {Retry} of {MaxRetries}) because {Reason}")]
    public static partial void Retrying(ILogger logger, string method, string path, double delayMs, int retry, int maxRetries, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Rivya {Method} {Path}: not retrying: the server asked to wait {RetryAfterMs:0} ms, more than MaxRetryAfter ({MaxRetryAfterMs:0} ms)")]
    public static partial void RetryAfterTooLong(ILogger logger, string method, string path, double retryAfterMs, double maxRetryAfterMs);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The HttpClient given to RivyaClient has Timeout {HttpClientTimeout}, shorter than the SDK's per-attempt timeout {SdkTimeout}: long calls will be cut by HttpClient. Set HttpClient.Timeout to Timeout.InfiniteTimeSpan and use RivyaClientOptions.Timeout.")]
    public static partial void HttpClientTimeoutTooShort(ILogger logger, TimeSpan httpClientTimeout, TimeSpan sdkTimeout);

    [LoggerMessage(EventId = 6, Level = LogLevel.Trace, Message = "Rivya {Method} {Path} response header {Header}: {Value}")]
    public static partial void ResponseHeader(ILogger logger, string method, string path, string header, string value);
}
