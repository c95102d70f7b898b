using System;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;
using Rivya.Sdk.Waiting;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// Streams a succeeded task's result to a <see cref="DownloadSink"/> through the client's own <see cref="HttpClient"/>:
/// one pooled buffer whatever the size, an idle-read timeout per attempt, a <c>Range</c> resume (conditioned by
/// <c>If-Range</c>) after a cut, a restart when the file changed, a skip of the bytes already written when the server
/// ignores <c>Range</c>, redirects followed by hand (https or loopback only, the key only to the API's own origin), and
/// one fresh read of the task when a URL has expired. Never creates a task.
/// </summary>
internal sealed class ResultDownloader
{
    private const int BufferSize = 81920;
    private const int MaxRedirects = 5;

    private readonly RivyaPipeline _pipeline;

    public ResultDownloader(RivyaPipeline pipeline)
    {
        _pipeline = pipeline;
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
        var run = new DownloadRun(sink, options);
        using var activity = DownloadTelemetry.Start(taskId);
        DownloadTelemetry.SetHost(activity, url.Host);
        var started = Clock.GetTimestamp();
        DownloadLog.Started(logger, taskId, url.Host);

        var failuresInARow = 0;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var before = sink.Written;
                var outcome = await AttemptAsync(url, run, options, taskId, cancellationToken).ConfigureAwait(false);
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
                    if (refresh is null || run.Refreshed)
                    {
                        throw Expired(taskId, outcome.StatusCode!.Value, refreshed: run.Refreshed);
                    }

                    run.Refreshed = true;
                    DownloadLog.Refreshing(logger, taskId, outcome.StatusCode!.Value);
                    var fresh = await refresh(cancellationToken).ConfigureAwait(false);
                    url = ResultUrls.Pick(fresh, options);
                    continue;
                }

                if (sink.Written > before)
                {
                    // The attempt delivered bytes before it broke: the link works, so resume at once and start counting again.
                    failuresInARow = 0;
                    run.Resumes++;
                    DownloadLog.Resuming(logger, taskId, sink.Written, outcome.Reason!);
                    continue;
                }

                if (failuresInARow >= maxRetries)
                {
                    throw GaveUp(taskId, outcome, failuresInARow + 1);
                }

                var delay = outcome.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero
                    ? retryAfter
                    : RetryPolicy.Backoff(failuresInARow, NextJitter());
                if (delay > _pipeline.Options.MaxRetryAfter)
                {
                    throw GaveUp(taskId, outcome, failuresInARow + 1);
                }

                failuresInARow++;
                DownloadLog.Retrying(logger, taskId, delay.TotalMilliseconds, failuresInARow, maxRetries, outcome.Reason!);
                await WaitClock.Delay(Clock, delay, cancellationToken).ConfigureAwait(false);
                if (sink.Written > 0)
                {
                    run.Resumes++;
                }
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

            // A failed re-read of the task (a 404, say) names the task too.
            (e as RivyaException)?.WithHandles(taskId, idempotencyKey: null);
            throw;
        }
        finally
        {
            sink.Dispose();
        }
    }

    private async Task<AttemptOutcome> AttemptAsync(Uri url, DownloadRun run, DownloadOptions options, string taskId, CancellationToken cancellationToken)
    {
        var sink = run.Sink;
        using var idle = new IdleWatch(options.IdleTimeout, Clock, cancellationToken);
        HttpResponseMessage? response = null;
        var writing = false;
        try
        {
            // Redirects are followed here, not by the handler: only to https (or loopback), at most 5 hops, and each hop
            // decides afresh whether it may carry the key. Inline rather than a helper: one async frame less per download.
            var current = url;
            for (var hop = 0; ; hop++)
            {
                using (var request = CreateRequest(current, run))
                {
                    response = await _pipeline.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
                }

                if (NextHop(response, current, hop, taskId) is not { } next)
                {
                    break;
                }

                response.Dispose();
                response = null;
                current = next;
            }

            idle.Reset();
            var status = (int)response.StatusCode;
            if (status is 403 or 404 or 410)
            {
                return AttemptOutcome.Gone(status);
            }

            if (status == 416 && run.Total is { } total && sink.Written == total)
            {
                return AttemptOutcome.Complete(status);
            }

            if (RetryPolicy.IsRetryableStatus(response.StatusCode) || status == 416)
            {
                if (status == 416)
                {
                    Restart(run, taskId, "the server could not satisfy the resume range");
                }

                return AttemptOutcome.Retry("the result host answered " + status.ToString(CultureInfo.InvariantCulture), status, RetryAfterParser.Parse(response.Headers, Clock));
            }

            if (status is not (200 or 206))
            {
                throw new RivyaDownloadException(
                    $"The result host {url.Host} answered {status} {Scrub(response.ReasonPhrase)} for task {taskId}'s result.",
                    taskId,
                    response.StatusCode);
            }

            var skip = Accept(response, run, taskId);
            if (skip < 0)
            {
                return AttemptOutcome.Retry("the server's partial answer did not start where the download stopped", status);
            }

            using var body = await response.Content.ReadBodyAsync(idle.Token).ConfigureAwait(false);
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                while (true)
                {
#if NET8_0_OR_GREATER
                    var read = await body.ReadAsync(buffer.AsMemory(), idle.Token).ConfigureAwait(false);
#else
                    var read = await body.ReadAsync(buffer, 0, buffer.Length, idle.Token).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        break;
                    }

                    idle.Reset();
                    var offset = 0;
                    if (skip > 0)
                    {
                        // The server ignored Range and sent the same file from its start: pass over what is already written.
                        offset = (int)Math.Min(skip, read);
                        skip -= offset;
                        if (offset == read)
                        {
                            continue;
                        }
                    }

                    var count = read - offset;
                    if (sink.Written + count > options.MaxBytes)
                    {
                        throw TooLarge(taskId, options.MaxBytes);
                    }

                    writing = true;
                    await sink.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
                    writing = false;
                    run.Report(force: false);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            if (run.Total is { } expected && sink.Written != expected)
            {
                return AttemptOutcome.Retry(
                    string.Format(CultureInfo.InvariantCulture, "the body ended at byte {0} of {1}", sink.Written, expected), status);
            }

            return AttemptOutcome.Complete(status);
        }
        catch (Exception e) when (!writing && IsNetworkFailure(e, idle, cancellationToken))
        {
            var reason = idle.TimedOut
                ? FormattableString.Invariant($"no byte arrived for {options.IdleTimeout.TotalSeconds:0.###} s")
                : e.GetType().Name + ": " + Scrub(e.Message);
            return AttemptOutcome.Retry(reason, (int?)response?.StatusCode);
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>
    /// Checks a 200 or 206 against what was downloaded so far. Answers how many bytes of the body to pass over (the
    /// server ignored <c>Range</c> but sent the same file), 0 to write it all, or -1 when the answer does not fit.
    /// </summary>
    private long Accept(HttpResponseMessage response, DownloadRun run, string taskId)
    {
        var sink = run.Sink;
        var length = response.Content?.Headers.ContentLength;
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            var range = response.Content?.Headers.ContentRange;
            var total = range?.Length;
            if (sink.Written == 0 || range is not { HasRange: true } || range.From != sink.Written
                || (run.Validator?.Total is { } known && total is not null && total != known))
            {
                Restart(run, taskId, "the server's partial answer did not match the bytes already written");
                return -1;
            }

            run.Total = total ?? run.Total;
            CheckSize(run.Total, run.Options, taskId);
            return 0;
        }

        var fresh = ResultValidator.From(response, length);
        run.Total = length;
        CheckSize(length, run.Options, taskId);
        if (sink.Written == 0)
        {
            run.Validator = fresh;
            return 0;
        }

        if (run.Validator is { } validator && validator.SameAs(fresh))
        {
            run.RangeIgnored = true;
            return sink.Written;
        }

        Restart(run, taskId, "the result changed since the download began (its ETag or Last-Modified differs)");
        run.Validator = fresh;
        return 0;
    }

    private void Restart(DownloadRun run, string taskId, string reason)
    {
        if (run.Sink.Written > 0)
        {
            if (!run.Sink.TryRestart())
            {
                throw new RivyaDownloadException(
                    $"Task {taskId}'s result must be downloaded again from its start because {reason}, but the destination stream cannot seek back. Download to a path or a seekable stream.",
                    taskId);
            }

            run.Restarts++;
            run.Report(force: true);
        }

        run.Validator = null;
        DownloadLog.Restarting(_pipeline.Logger, taskId, reason);
    }

    /// <summary>Where a redirect answer points, checked; null when <paramref name="response"/> is not a redirect to follow.</summary>
    private static Uri? NextHop(HttpResponseMessage response, Uri current, int hop, string taskId)
    {
        var status = (int)response.StatusCode;
        if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
        {
            return null;
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (hop + 1 > MaxRedirects || !ResultUrls.IsAllowed(next))
        {
            response.Dispose();
            throw new RivyaDownloadException(
                hop + 1 > MaxRedirects
                    ? $"Task {taskId}'s result URL redirected more than {MaxRedirects} times."
                    : $"Task {taskId}'s result URL redirected to an address that is not https (or loopback http); it was not followed.",
                taskId,
                (HttpStatusCode)status);
        }

        return next;
    }

    private HttpRequestMessage CreateRequest(Uri url, DownloadRun run)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        var headers = request.Headers;
        headers.TryAddWithoutValidation("User-Agent", _pipeline.UserAgentHeader);

        // The key goes only to the API's own origin: result URLs normally live on a CDN, which must never see it.
        if (_pipeline.ApiKey is { } key && ResultUrls.SameOrigin(url, _pipeline.BaseAddress))
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var written = run.Sink.Written;
        if (written > 0 && !run.RangeIgnored)
        {
            headers.Range = new RangeHeaderValue(written, null);
            if (run.Validator?.Condition() is { } condition)
            {
                headers.IfRange = condition;
            }
        }

        return request;
    }

    private static bool IsNetworkFailure(Exception e, IdleWatch idle, CancellationToken callerToken) =>
        !callerToken.IsCancellationRequested
        && (e is HttpRequestException or IOException || (e is OperationCanceledException && idle.TimedOut));

    private static void CheckSize(long? total, DownloadOptions options, string taskId)
    {
        if (total is { } size && size > options.MaxBytes)
        {
            throw TooLarge(taskId, options.MaxBytes, size);
        }
    }

    private static RivyaDownloadException TooLarge(string taskId, long max, long? announced = null) => new(
        announced is { } size
            ? string.Format(CultureInfo.InvariantCulture, "Task {0}'s result is {1} bytes, more than DownloadOptions.MaxBytes ({2}); nothing was written.", taskId, size, max)
            : string.Format(CultureInfo.InvariantCulture, "Task {0}'s result passed DownloadOptions.MaxBytes ({1} bytes); the download was abandoned.", taskId, max),
        taskId);

    private static RivyaDownloadException Expired(string taskId, int status, bool refreshed) => new(
        refreshed
            ? string.Format(CultureInfo.InvariantCulture, "Task {0}'s result answered {1} again after the task was read for fresh URLs: the result has expired or is missing.", taskId, status)
            : string.Format(CultureInfo.InvariantCulture, "Task {0}'s result URL answered {1}: it has expired or the file is missing. Read the task again (GetAsync, or DownloadAsync by id) for fresh URLs.", taskId, status),
        taskId,
        (HttpStatusCode)status);

    private static RivyaException GaveUp(string taskId, AttemptOutcome outcome, int attempts)
    {
        var message = string.Format(CultureInfo.InvariantCulture, "Task {0}'s result could not be downloaded after {1} attempt(s) without progress: {2}.", taskId, attempts, outcome.Reason);
        return outcome.StatusCode is { } status and >= 400
            ? new RivyaDownloadException(message, taskId, (HttpStatusCode)status)
            : new RivyaConnectionException(message).WithHandles(taskId, idempotencyKey: null);
    }

    private string? Scrub(string? text) => SecretScrubber.Scrub(text, _pipeline.ApiKey);

    private double NextJitter() => _pipeline.Options.JitterSource is { } source ? source() : SharedRandom.NextDouble();
}
