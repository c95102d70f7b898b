using System;
using System.Net;

namespace Rivya.Sdk;

/// <summary>
/// A result could not be downloaded: the task has not succeeded or has no URL, the result host answered an error
/// (<see cref="StatusCode"/>: 403, 404 or 410 mean the URL expired or the file is gone; read the task again with
/// <c>GetAsync</c> for fresh URLs), or the body broke the rules (larger than <see cref="DownloadOptions.MaxBytes"/>,
/// shorter than its <c>Content-Length</c>). <see cref="RivyaException.TaskId"/> names the task. No task is ever created
/// or re-created by a download.
/// </summary>
public sealed class RivyaDownloadException : RivyaException
{
    /// <summary>Creates the exception.</summary>
    public RivyaDownloadException(string message, string? taskId, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, taskId, idempotencyKey: null, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The result host's HTTP status when it answered an error; null when the download failed for another reason.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>True when the result host answered 403, 404 or 410: the URL expired or the file is gone.</summary>
    public bool IsExpiredOrMissing => StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone;
}
