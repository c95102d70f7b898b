using System;
using System.Globalization;
using System.Net;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Downloads;

/// <summary>The exceptions a download ends with, worded once: the task id and SDK-written reasons, never a URL or server text.</summary>
internal static class DownloadErrors
{
    /// <summary>Throws when the size a server announced passes <see cref="DownloadOptions.MaxBytes"/>, before a byte of it is written.</summary>
    public static void CheckSize(long? total, DownloadOptions options, string taskId)
    {
        if (total is { } size && size > options.MaxBytes)
        {
            throw TooLarge(taskId, options.MaxBytes, size);
        }
    }

    public static RivyaDownloadException TooLarge(string taskId, long max, long? announced = null) => new(
        announced is { } size
            ? string.Format(CultureInfo.InvariantCulture, "Task {0}'s result is {1} bytes, more than DownloadOptions.MaxBytes ({2}); nothing was written.", taskId, size, max)
            : string.Format(CultureInfo.InvariantCulture, "Task {0}'s result passed DownloadOptions.MaxBytes ({1} bytes); the download was abandoned.", taskId, max),
        taskId);

    public static RivyaDownloadException Expired(string taskId, int status, bool refreshed) => new(
        refreshed
            ? string.Format(CultureInfo.InvariantCulture, "Task {0}'s result answered {1} again after the task was read for fresh URLs: the result has expired or is missing.", taskId, status)
            : string.Format(CultureInfo.InvariantCulture, "Task {0}'s result URL answered {1}: it has expired or the file is missing. Read the task again (GetAsync, or DownloadAsync by id) for fresh URLs.", taskId, status),
        taskId,
        (HttpStatusCode)status);

    public static RivyaDownloadException TimedOut(string taskId, TimeSpan bound, long written, Exception inner) => new(
        string.Format(CultureInfo.InvariantCulture, "Task {0}'s result was not downloaded within DownloadOptions.Timeout ({1}); {2} bytes had arrived; the download was abandoned.", SecretScrubber.EscapeControls(taskId), bound, written),
        taskId,
        innerException: inner);

    public static RivyaException GaveUp(string taskId, AttemptOutcome outcome, int attempts)
    {
        var message = string.Format(CultureInfo.InvariantCulture, "Task {0}'s result could not be downloaded after {1} attempt(s) without progress: {2}.", taskId, attempts, outcome.Reason);
        return outcome.StatusCode is { } status and >= 400
            ? new RivyaDownloadException(message, taskId, (HttpStatusCode)status)
            : new RivyaConnectionException(message).WithHandles(taskId, idempotencyKey: null);
    }
}
