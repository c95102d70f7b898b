using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>What an attempt makes of the result host's answer before and as it reads the body.</summary>
internal static class ResponseCheck
{
    /// <summary>
    /// Sorts the answer's status: null for a 200 or 206 whose body is to be read, else how the attempt ends (a
    /// 403/404/410 is <see cref="OutcomeKind.Gone"/>; a 408/429/5xx or an unsatisfiable resume range is retried).
    /// </summary>
    /// <exception cref="RivyaDownloadException">Any other status: it will not get better by retrying.</exception>
    public static AttemptOutcome? Status(HttpResponseMessage response, DownloadRun run, Uri url, RivyaPipeline pipeline)
    {
        var status = (int)response.StatusCode;
        if (status is 200 or 206)
        {
            return null;
        }

        if (status is 403 or 404 or 410)
        {
            return AttemptOutcome.Gone(status);
        }

        if (status == 416 && run.Total is { } total && run.Sink.Written == total)
        {
            return AttemptOutcome.Complete(status);
        }

        if (RetryPolicy.IsRetryableStatus(response.StatusCode) || status == 416)
        {
            if (status == 416)
            {
                run.Restart("the server could not satisfy the resume range");
            }

            var clock = pipeline.Options.TimeProvider;
            return AttemptOutcome.Retry("the result host answered " + status.ToString(CultureInfo.InvariantCulture), status, RetryAfterParser.Parse(response.Headers, clock));
        }

        throw new RivyaDownloadException(
            $"The result host {url.Host} answered {status} {SecretScrubber.Scrub(response.ReasonPhrase, pipeline.ApiKey)} for task {run.TaskId}'s result.",
            run.TaskId,
            response.StatusCode);
    }

    /// <summary>
    /// Checks a 200 or 206 against what was downloaded so far. Answers how many bytes of the body to pass over (the
    /// server ignored <c>Range</c> but sent the same file), 0 to write it all, or -1 when the answer does not fit.
    /// </summary>
    /// <exception cref="RivyaDownloadException">The announced size passes <see cref="DownloadOptions.MaxBytes"/>, or a restart is needed on a stream that cannot seek back.</exception>
    public static long Accept(HttpResponseMessage response, DownloadRun run)
    {
        var written = run.Sink.Written;
        var length = response.Content?.Headers.ContentLength;
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            var range = response.Content?.Headers.ContentRange;
            var total = range?.Length;
            if (written == 0 || range is not { HasRange: true } || range.From != written
                || (run.Validator?.Total is { } known && total is not null && total != known))
            {
                run.Restart("the server's partial answer did not match the bytes already written");
                return -1;
            }

            run.Total = total ?? run.Total;
            DownloadErrors.CheckSize(run.Total, run.Options, run.TaskId);
            return 0;
        }

        var fresh = ResultValidator.From(response, length);
        run.Total = length;
        DownloadErrors.CheckSize(length, run.Options, run.TaskId);
        if (written == 0)
        {
            run.Validator = fresh;
            return 0;
        }

        if (run.Validator is { } validator && validator.SameAs(fresh))
        {
            run.RangeIgnored = true;
            return written;
        }

        run.Restart("the result changed since the download began (its ETag or Last-Modified differs)");
        run.Validator = fresh;
        return 0;
    }
}
