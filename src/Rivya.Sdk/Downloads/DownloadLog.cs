using Microsoft.Extensions.Logging;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// The lines a result download logs. Only the task id, the result host (never the URL's path or query, which may carry a
/// signature), byte counts and reasons the SDK wrote itself: no header, body or key.
/// </summary>
internal static partial class DownloadLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Rivya download of task {TaskId} from {Host}: started")]
    public static partial void Started(ILogger logger, string? taskId, string host);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Rivya download of task {TaskId}: resuming at byte {Offset} because {Reason}")]
    public static partial void Resuming(ILogger logger, string? taskId, long offset, string reason);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Rivya download of task {TaskId}: retrying in {DelayMs:0} ms (retry {Retry} of {MaxRetries}) because {Reason}")]
    public static partial void Retrying(ILogger logger, string? taskId, double delayMs, int retry, int maxRetries, string reason);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Rivya download of task {TaskId}: starting over because {Reason}")]
    public static partial void Restarting(ILogger logger, string? taskId, string reason);

    [LoggerMessage(EventId = 24, Level = LogLevel.Information, Message = "Rivya download of task {TaskId}: the result host answered {StatusCode}; reading the task again for fresh URLs")]
    public static partial void Refreshing(ILogger logger, string? taskId, int statusCode);

    [LoggerMessage(EventId = 25, Level = LogLevel.Debug, Message = "Rivya download of task {TaskId}: {Bytes} bytes in {ElapsedMs:0} ms ({Resumes} resumes, {Restarts} restarts)")]
    public static partial void Completed(ILogger logger, string? taskId, long bytes, double elapsedMs, int resumes, int restarts);
}
