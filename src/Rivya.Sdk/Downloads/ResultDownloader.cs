using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// Streams a succeeded task's result to a <see cref="DownloadSink"/> through the client's own <see cref="HttpClient"/>:
/// attempts (<see cref="DownloadAttempt"/>) one after another until the sink is complete. After progress it resumes
/// after the shortest backoff; after an attempt that brought nothing it waits the client's backoff, up to the retry
/// limit (both from the one <see cref="RetryDecision"/>, slept through <see cref="Delays"/>); the whole download is bounded by <see cref="DownloadOptions.Timeout"/>; an expired URL reads the task again
/// once (by id only). Never creates a task.
/// </summary>
internal sealed class ResultDownloader
{
    private readonly RivyaPipeline _pipeline;
    private readonly RetryDecision _decision;

    public ResultDownloader(RivyaPipeline pipeline)
    {
        _pipeline = pipeline;
        _decision = RetryDecision.For(pipeline.Options);
    }

    private TimeProvider Clock => _pipeline.Options.TimeProvider;

    /// <summary>
    /// Downloads <paramref name="generation"/>'s result from <paramref name="url"/> (picked by <see cref="ResultUrls.Pick"/>)
    /// into <paramref name="sink"/>, which it disposes; <paramref name="refresh"/> (by id only) reads the task again once
    /// when the URL has expired. Answers the file of a <see cref="FileSink"/>, null for a stream.
    /// </summary>
    public async Task<FileInfo?> DownloadAsync(
        Generation generation,
        Uri url,
        Func<CancellationToken, Task<Generation>>? refresh,
        DownloadSink sink,
        DownloadOptions options,
        CancellationToken cancellationToken)
    {
        var taskId = generation.Id;
        var maxRetries = options.MaxRetries ?? _pipeline.Options.MaxRetries;
        var logger = _pipeline.Logger;
        var run = new DownloadRun(taskId, sink, options, logger, new TargetPolicy(_pipeline.BaseAddress, options.AllowPrivateAddresses, taskId));
        using var activity = DownloadTelemetry.Start(taskId, _pipeline.ApiKey);
        DownloadTelemetry.SetHost(activity, url.Host);
        var started = Clock.GetTimestamp();
        DownloadLog.Started(logger, taskId, url.Host);

        var retries = 0;

        // The whole download's bound (DownloadOptions.Timeout): past it, a host that keeps sending a byte now and then
        // is given up on. Beyond what a timer can hold it is no bound at all.
        var bound = options.Timeout > Delays.MaxDelay ? Timeout.InfiniteTimeSpan : options.Timeout;
        using var deadline = Delays.Deadline(Clock, bound);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked.Token;
        try
        {
            while (true)
            {
                token.ThrowIfCancellationRequested();
                var before = sink.Written;
                var outcome = await DownloadAttempt.RunAsync(_pipeline, url, run, token).ConfigureAwait(false);
                run.LastStatus = outcome.StatusCode ?? run.LastStatus;

                if (outcome.Kind == OutcomeKind.Complete)
                {
                    await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    run.Report(force: true);
                    DownloadTelemetry.Record(activity, sink.Written, run.Resumes, run.Restarts, run.LastStatus);
                    DownloadLog.Completed(logger, taskId, sink.Written, Clock.GetElapsedTime(started).TotalMilliseconds, run.Resumes, run.Restarts);
                    return sink is FileSink file ? new FileInfo(file.Destination) : null;
                }

                if (outcome.Kind == OutcomeKind.Gone)
                {
                    url = await RefreshAsync(run, outcome.StatusCode!.Value, refresh, token).ConfigureAwait(false);
                    continue;
                }

                // The one retry decision: an attempt that delivered bytes before it broke resets the count and still
                // waits the shortest backoff; one that brought nothing waits the server's Retry-After or the backoff,
                // up to the retry limit; a Retry-After beyond MaxRetryAfter gives up.
                token.ThrowIfCancellationRequested();
                var progressed = sink.Written > before;
                var advice = _decision.Decide(outcome.Facts, new RetryBudget(progressed ? 0 : retries, maxRetries), progressed, token);
                if (advice.Verdict != RetryVerdict.Retry)
                {
                    throw DownloadErrors.GaveUp(taskId, outcome, retries + 1);
                }

                if (progressed)
                {
                    retries = 0;
                    run.Resumes++;
                    DownloadLog.Resuming(logger, taskId, sink.Written, outcome.Reason!);
                }
                else
                {
                    retries++;
                    DownloadLog.Retrying(logger, taskId, advice.Delay.TotalMilliseconds, retries, maxRetries, outcome.Reason!);
                    if (sink.Written > 0)
                    {
                        run.Resumes++;
                    }
                }

                await Delays.SleepAsync(Clock, advice.Delay, token).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            DownloadTelemetry.Record(activity, sink.Written, run.Resumes, run.Restarts, run.LastStatus);
            DownloadTelemetry.Fail(activity, e.GetType().Name);
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The download was cancelled by its CancellationToken.", e, cancellationToken);
            }

            if (e is OperationCanceledException && deadline.IsCancellationRequested)
            {
                throw DownloadErrors.TimedOut(taskId, bound, sink.Written, e);
            }

            // A failed re-read of the task (a 404, say) names the task too.
            (e as RivyaException)?.WithHandles(taskId, idempotencyKey: null);
            throw;
        }
        finally
        {
            sink.Dispose();
        }
    }

    /// <summary>
    /// The URL to go on with after the result host answered 403/404/410: by id, the task is read once more for fresh
    /// URLs; the download then resumes where it stopped (the bytes are the same file, checked by <c>If-Range</c>).
    /// </summary>
    /// <exception cref="RivyaDownloadException">No way to refresh (downloaded from a <see cref="Generation"/>), or already refreshed once.</exception>
    private static async Task<Uri> RefreshAsync(DownloadRun run, int status, Func<CancellationToken, Task<Generation>>? refresh, CancellationToken cancellationToken)
    {
        if (refresh is null || run.Refreshed)
        {
            throw DownloadErrors.Expired(run.TaskId, status, refreshed: run.Refreshed);
        }

        run.Refreshed = true;
        DownloadLog.Refreshing(run.Logger, run.TaskId, status);
        var fresh = await refresh(cancellationToken).ConfigureAwait(false);
        return ResultUrls.Pick(fresh, run.Options);
    }
}
