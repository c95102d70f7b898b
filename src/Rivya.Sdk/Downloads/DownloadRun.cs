using System.Globalization;
using Microsoft.Extensions.Logging;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>The state of one download across its attempts: the sink, what identifies the bytes, counts for the span and the log.</summary>
internal sealed class DownloadRun(string taskId, DownloadSink sink, DownloadOptions options, ILogger logger, TargetPolicy targets)
{
    private const long ProgressStep = 256 * 1024;

    private long _lastReported = -1;

    /// <summary>Where this download may go (every URL, every redirect hop, every connection).</summary>
    public TargetPolicy Targets { get; } = targets;

    /// <summary>The offset the current attempt asked for with <c>Range</c>; null when it asked for the whole file.</summary>
    public long? AskedFrom { get; set; }

    public string TaskId { get; } = taskId;

    public DownloadSink Sink { get; } = sink;

    public DownloadOptions Options { get; } = options;

    public ILogger Logger { get; } = logger;

    /// <summary>The ETag / Last-Modified / size of the answer the written bytes came from; null before the first byte.</summary>
    public ResultValidator? Validator { get; set; }

    /// <summary>The whole result's size, as the last 200 (<c>Content-Length</c>) or 206 (<c>Content-Range</c>) announced; null when unknown.</summary>
    public long? Total { get; set; }

    /// <summary>The server answered a <c>Range</c> request with the whole file: later attempts ask for the whole file too.</summary>
    public bool RangeIgnored { get; set; }

    /// <summary>The task was already read again for fresh URLs (at most once per download).</summary>
    public bool Refreshed { get; set; }

    public int Resumes { get; set; }

    public int Restarts { get; set; }

    public int? LastStatus { get; set; }

    /// <summary>Tells <see cref="DownloadOptions.OnProgress"/>, then <see cref="DownloadOptions.Progress"/>, at most every 256 KiB unless <paramref name="force"/>.</summary>
    public void Report(bool force)
    {
        var progress = Options.Progress;
        var inline = Options.OnProgress;
        if (progress is null && inline is null)
        {
            return;
        }

        var written = Sink.Written;
        if (!force && written - _lastReported < ProgressStep)
        {
            return;
        }

        _lastReported = written;
        var report = new DownloadProgress(written, Total);
        inline?.Invoke(report);
        progress?.Report(report);
    }

    /// <summary>
    /// Forgets the bytes written so far (the result changed, or the server cannot resume where they end): the next
    /// attempt asks for the whole file.
    /// </summary>
    /// <exception cref="RivyaDownloadException">Bytes were written to a stream that cannot seek back.</exception>
    public void Restart(string reason)
    {
        if (Sink.Written > 0)
        {
            if (!Sink.TryRestart())
            {
                throw new RivyaDownloadException(
                    $"Task {TaskId}'s result must be downloaded again from its start because {reason}, but the destination stream cannot seek back. Download to a path or a seekable stream.",
                    TaskId);
            }

            Restarts++;
            Report(force: true);
        }

        Validator = null;
        ResultDownloader.LogRestarting(Logger, TaskId, reason);
    }

    /// <summary>Refuses an announced <see cref="Total"/> above <see cref="DownloadOptions.MaxBytes"/>, before a byte of it is written.</summary>
    public void CheckSize()
    {
        if (Total is { } size && size > Options.MaxBytes)
        {
            throw TooLarge(size);
        }
    }

    public RivyaDownloadException TooLarge(long? announced = null) => new(
        announced is { } size
            ? string.Format(CultureInfo.InvariantCulture, "Task {0}'s result is {1} bytes, more than DownloadOptions.MaxBytes ({2}); nothing was written.", TaskId, size, Options.MaxBytes)
            : string.Format(CultureInfo.InvariantCulture, "Task {0}'s result passed DownloadOptions.MaxBytes ({1} bytes); the download was abandoned.", TaskId, Options.MaxBytes),
        TaskId);
}
