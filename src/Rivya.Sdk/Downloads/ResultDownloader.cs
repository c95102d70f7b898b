using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// Streams a succeeded task's result to a <see cref="DownloadSink"/> through the client's own <see cref="HttpClient"/>:
/// attempts (<see cref="DownloadAttempt"/>) one after another until the sink is complete. After progress it resumes
/// after the shortest backoff; after an attempt that brought nothing it waits the client's backoff, up to the retry
/// limit (both from the one <see cref="RetryDecision"/>, slept through <see cref="Delays"/>); the whole download is
/// bounded by <see cref="DownloadOptions.Timeout"/>; an expired URL reads the task again once (by id only). Never
/// creates a task. Its span is <c>Rivya generations.download</c> on the SDK's source.
/// </summary>
internal static partial class ResultDownloader
{
    private static readonly DownloadOptions Defaults = new();

    /// <summary>
    /// Downloads the result of <paramref name="generation"/>, or by id of the task <paramref name="read"/> answers (read
    /// first, and once more for fresh URLs when they expired), into the file <paramref name="path"/>, else into
    /// <paramref name="stream"/>. Nothing is sent before the URL and the destination are known good. Answers the file,
    /// null for a stream.
    /// </summary>
    public static async Task<FileInfo?> DownloadAsync(
        RivyaPipeline pipeline,
        Generation? generation,
        Func<CancellationToken, Task<Generation>>? read,
        string? path,
        Stream? stream,
        DownloadOptions? options,
        CancellationToken cancellationToken)
    {
        options ??= Defaults;
        generation ??= await read!(cancellationToken).ConfigureAwait(false);
        var url = Pick(generation, options);
        using var sink = path is null ? new StreamSink(stream!) : (DownloadSink)FileSink.Create(path, options.Overwrite);
        var taskId = generation.Id;
        var clock = pipeline.Options.TimeProvider;
        var maxRetries = options.MaxRetries ?? pipeline.Options.MaxRetries;
        var decision = RetryDecision.For(pipeline.Options);
        var logger = pipeline.Logger;
        var run = new DownloadRun(taskId, sink, options, logger, new TargetPolicy(pipeline.BaseAddress, options.AllowPrivateAddresses, taskId));
        using var activity = RivyaTelemetry.Source.StartActivity("Rivya generations.download", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rivya.operation", "generations.download");
            RivyaTelemetry.SetText(activity, "rivya.task_id", taskId, pipeline.ApiKey);
        }

        RivyaTelemetry.SetText(activity, "server.address", url.Host);
        var started = clock.GetTimestamp();
        LogStarted(logger, taskId, url.Host);

        var retries = 0;

        // The whole download's bound (DownloadOptions.Timeout): past it, a host that keeps sending a byte now and then
        // is given up on. Beyond what a timer can hold it is no bound at all.
        var bound = options.Timeout > Delays.MaxDelay ? Timeout.InfiniteTimeSpan : options.Timeout;
        using var deadline = Delays.Deadline(clock, bound);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked.Token;
        try
        {
            while (true)
            {
                token.ThrowIfCancellationRequested();
                var before = sink.Written;
                var outcome = await DownloadAttempt.RunAsync(pipeline, url, run, token).ConfigureAwait(false);
                run.LastStatus = outcome.StatusCode ?? run.LastStatus;

                if (outcome.Kind == OutcomeKind.Complete)
                {
                    await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    run.Report(force: true);
                    Record(activity, run);
                    LogCompleted(logger, taskId, sink.Written, clock.GetElapsedTime(started).TotalMilliseconds, run.Resumes, run.Restarts);
                    return sink is FileSink file ? new FileInfo(file.Destination) : null;
                }

                if (outcome.Kind == OutcomeKind.Gone)
                {
                    url = await RefreshAsync(run, outcome.StatusCode!.Value, read, token).ConfigureAwait(false);
                    continue;
                }

                // The one retry decision: an attempt that delivered bytes before it broke resets the count and still
                // waits the shortest backoff; one that brought nothing waits the server's Retry-After or the backoff,
                // up to the retry limit; a Retry-After beyond MaxRetryAfter gives up.
                token.ThrowIfCancellationRequested();
                var progressed = sink.Written > before;
                var advice = decision.Decide(outcome.Facts, new RetryBudget(progressed ? 0 : retries, maxRetries), progressed, token);
                if (advice.Verdict != RetryVerdict.Retry)
                {
                    throw GaveUp(taskId, outcome, retries + 1);
                }

                if (progressed)
                {
                    retries = 0;
                    run.Resumes++;
                    LogResuming(logger, taskId, sink.Written, outcome.Reason!);
                }
                else
                {
                    retries++;
                    LogRetrying(logger, taskId, advice.Delay.TotalMilliseconds, retries, maxRetries, outcome.Reason!);
                    if (sink.Written > 0)
                    {
                        run.Resumes++;
                    }
                }

                await Delays.SleepAsync(clock, advice.Delay, token).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            Record(activity, run);
            RivyaTelemetry.RecordFailure(activity, e.GetType().Name);
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The download was cancelled by its CancellationToken.", e, cancellationToken);
            }

            if (e is OperationCanceledException && deadline.IsCancellationRequested)
            {
                throw new RivyaDownloadException(
                    string.Format(CultureInfo.InvariantCulture, "Task {0}'s result was not downloaded within DownloadOptions.Timeout ({1}); {2} bytes had arrived; the download was abandoned.", taskId, bound, sink.Written),
                    taskId,
                    innerException: e);
            }

            // A failed re-read of the task (a 404, say) names the task too.
            (e as RivyaException)?.WithHandles(taskId, idempotencyKey: null);
            throw;
        }
    }

    /// <summary>The URL <paramref name="options"/> pick from a succeeded <paramref name="generation"/>.</summary>
    /// <exception cref="RivyaDownloadException">The task has not succeeded, has no such URL, or the URL is not absolute.</exception>
    private static Uri Pick(Generation generation, DownloadOptions options)
    {
        var taskId = generation.Id;
        if (generation.Status != GenerationStatus.Succeeded)
        {
            throw new RivyaDownloadException(
                $"Task {taskId} has not succeeded (status '{generation.Status}'): there is no result to download yet. Wait for it with WaitForCompletionAsync. Nothing was sent.",
                taskId);
        }

        var result = generation.Result;
        string? text;
        if (options.UrlIndex is { } index)
        {
            var count = result?.Urls.Count ?? 0;
            if (index >= count)
            {
                throw new RivyaDownloadException(
                    string.Format(CultureInfo.InvariantCulture, "Task {0} has {1} result URL(s); DownloadOptions.UrlIndex {2} is out of range. Nothing was sent.", taskId, count, index),
                    taskId);
            }

            text = result!.Urls[index];
        }
        else
        {
            text = result?.PrimaryUrl ?? (result is { Urls.Count: > 0 } ? result.Urls[0] : null);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RivyaDownloadException($"Task {taskId} succeeded without a result URL. Nothing was sent.", taskId);
        }

        // The URL itself is never shown: a signed URL's query is a credential. Where it may go (https, no private
        // address) is the download's TargetPolicy, checked before the first request.
        return Uri.TryCreate(text, UriKind.Absolute, out var url)
            ? url
            : throw new RivyaDownloadException($"Task {taskId}'s result URL is not an absolute address. Nothing was sent.", taskId);
    }

    /// <summary>
    /// The URL to go on with after the result host answered 403/404/410: by id, the task is read once more for fresh
    /// URLs; the download then resumes where it stopped (the bytes are the same file, checked by <c>If-Range</c>).
    /// </summary>
    /// <exception cref="RivyaDownloadException">No way to refresh (downloaded from a <see cref="Generation"/>), or already refreshed once.</exception>
    private static async Task<Uri> RefreshAsync(DownloadRun run, int status, Func<CancellationToken, Task<Generation>>? read, CancellationToken cancellationToken)
    {
        if (read is null || run.Refreshed)
        {
            throw new RivyaDownloadException(
                run.Refreshed
                    ? string.Format(CultureInfo.InvariantCulture, "Task {0}'s result answered {1} again after the task was read for fresh URLs: the result has expired or is missing.", run.TaskId, status)
                    : string.Format(CultureInfo.InvariantCulture, "Task {0}'s result URL answered {1}: it has expired or the file is missing. Read the task again (GetAsync, or DownloadAsync by id) for fresh URLs.", run.TaskId, status),
                run.TaskId,
                (HttpStatusCode)status);
        }

        run.Refreshed = true;
        LogRefreshing(run.Logger, run.TaskId, status);
        return Pick(await read(cancellationToken).ConfigureAwait(false), run.Options);
    }

    private static RivyaException GaveUp(string taskId, AttemptOutcome outcome, int attempts)
    {
        var message = string.Format(CultureInfo.InvariantCulture, "Task {0}'s result could not be downloaded after {1} attempt(s) without progress: {2}.", taskId, attempts, outcome.Reason);
        return outcome.StatusCode is { } status and >= 400
            ? new RivyaDownloadException(message, taskId, (HttpStatusCode)status)
            : new RivyaConnectionException(message).WithHandles(taskId, idempotencyKey: null);
    }

    private static void Record(Activity? activity, DownloadRun run) =>
        activity?.SetTag("rivya.download.bytes", run.Sink.Written)
            .SetTag("rivya.download.resumes", run.Resumes)
            .SetTag("rivya.download.restarts", run.Restarts)
            .SetTag("http.response.status_code", run.LastStatus);

    // The log lines: only the task id, the result host (never the URL's path or query, which may carry a signature),
    // byte counts and reasons the SDK wrote itself; no header, body or key.
    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Rivya download of task {TaskId} from {Host}: started")]
    private static partial void LogStarted(ILogger logger, string? taskId, string host);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Rivya download of task {TaskId}: resuming at byte {Offset} because {Reason}")]
    private static partial void LogResuming(ILogger logger, string? taskId, long offset, string reason);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Rivya download of task {TaskId}: retrying in {DelayMs:0} ms (retry {Retry} of {MaxRetries}) because {Reason}")]
    private static partial void LogRetrying(ILogger logger, string? taskId, double delayMs, int retry, int maxRetries, string reason);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Rivya download of task {TaskId}: starting over because {Reason}")]
    internal static partial void LogRestarting(ILogger logger, string? taskId, string reason);

    [LoggerMessage(EventId = 24, Level = LogLevel.Information, Message = "Rivya download of task {TaskId}: the result host answered {StatusCode}; reading the task again for fresh URLs")]
    private static partial void LogRefreshing(ILogger logger, string? taskId, int statusCode);

    [LoggerMessage(EventId = 25, Level = LogLevel.Debug, Message = "Rivya download of task {TaskId}: {Bytes} bytes in {ElapsedMs:0} ms ({Resumes} resumes, {Restarts} restarts)")]
    private static partial void LogCompleted(ILogger logger, string? taskId, long bytes, double elapsedMs, int resumes, int restarts);
}
