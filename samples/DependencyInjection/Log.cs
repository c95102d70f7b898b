using Microsoft.Extensions.Logging;
using Rivya.Sdk;

namespace Rivya.Samples;

/// <summary>The sample's own log lines, source-generated (no boxing, no parsing of the template at each call).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Model {ModelId}: {BaseCredits} credits, {ApiStatus}")]
    public static partial void Model(ILogger logger, string modelId, decimal? baseCredits, string? apiStatus);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Balance: {Credits} credits")]
    public static partial void Balance(ILogger logger, decimal credits);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Generation {TaskId}: {Status}")]
    public static partial void Status(ILogger logger, string taskId, GenerationStatus status);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Generation {TaskId} succeeded: {Url}")]
    public static partial void Succeeded(ILogger logger, string taskId, string? url);
}
