using Microsoft.Extensions.Logging;

namespace Rivya.Sdk.Batches;

/// <summary>The lines a batch logs; like every SDK log line, no header, body or key.</summary>
internal static partial class BatchLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Rivya batch: rate limited; every create and poll of the batch pauses for {PauseMs:0} ms")]
    public static partial void RateLimitPause(ILogger logger, double pauseMs);
}
