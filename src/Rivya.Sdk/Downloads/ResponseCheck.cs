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

        if (status == 416)
        {
            run.Restart("the server could not satisfy the resume range");
            return AttemptOutcome.Unusable("the result host answered 416", status);
        }

        if (RetryDecision.IsRetryableStatus(response.StatusCode))
        {
            return AttemptOutcome.Retry("the result host answered " + status.ToString(CultureInfo.InvariantCulture), status, AttemptFacts.Answer(response, pipeline.Options.TimeProvider));
        }

        throw new RivyaDownloadException(
            $"The result host {url.Host} answered {status} {SecretScrubber.Scrub(response.ReasonPhrase, pipeline.ApiKey)} for task {run.TaskId}'s result.",
            run.TaskId,
            response.StatusCode);
    }

    /// <summary>
    /// Checks a 200 or 206 against what was downloaded so far, so the file is always one version's bytes, never a splice.
    /// Answers how many bytes of the body to pass over (the server ignored <c>Range</c> but provably sent the same file),
    /// 0 to write it all, or -1 when a partial answer does not fit (the written bytes are then forgotten).
    /// </summary>
    /// <exception cref="RivyaDownloadException">The announced size passes <see cref="DownloadOptions.MaxBytes"/>, or a restart is needed on a stream that cannot seek back.</exception>
    public static long Accept(HttpResponseMessage response, DownloadRun run)
    {
        var written = run.Sink.Written;
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            // A 206 continues the written bytes only when it is the range asked for, of the same size, from the same
            // version: the first answer's strong ETag (else Last-Modified) again. On its Content-Range alone it could be
            // the second half of another video.
            var range = response.Content?.Headers.ContentRange;
            var known = run.Validator;
            if (written == 0 || run.AskedFrom != written || known is null || range is not { HasRange: true, HasLength: true }
                || range.From != written || range.Length != known.Total || !known.SameAs(ResultValidator.From(response, range.Length)))
            {
                run.Restart("the server's partial answer did not continue the same version of the file where it stopped");
                return -1;
            }

            run.Total = range.Length;
            DownloadErrors.CheckSize(run.Total, run.Options, run.TaskId);
            return 0;
        }

        var length = response.Content?.Headers.ContentLength;
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

        run.Restart("the result changed since the download began, or nothing proves it did not (no matching ETag or Last-Modified)");
        run.Validator = fresh;
        return 0;
    }
}
