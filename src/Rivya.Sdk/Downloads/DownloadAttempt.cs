using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// One attempt of a download: the GET (following redirects by hand), the answer's checks, then the body copied into
/// the sink (<see cref="DownloadSink"/>) under the idle-read timeout. A cut, a stall or a retryable status is an outcome, not an
/// exception, so the run decides whether to resume, wait or give up.
/// </summary>
internal static class DownloadAttempt
{
    private const int BufferSize = 81920;

    public static async Task<AttemptOutcome> RunAsync(RivyaPipeline pipeline, Uri url, DownloadRun run, CancellationToken cancellationToken)
    {
        var sink = run.Sink;
        var options = run.Options;
        using var idle = new IdleWatch(options.IdleTimeout, pipeline.Options.TimeProvider, cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            // Inline rather than a helper: one async frame less per download.
            var current = url;
            run.Targets.Check(current, previous: null);
            for (var hop = 0; ; hop++)
            {
                await run.Targets.CheckNameAsync(current, idle.Token).ConfigureAwait(false);
                using (var request = ResultRequest.Create(pipeline, current, run))
                {
                    response = await pipeline.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
                }

                if (ResultRequest.NextHop(response, current, hop, run) is not { } next)
                {
                    break;
                }

                response.Dispose();
                response = null;
                current = next;
            }

            idle.Reset();
            if (Status(response, run, url, pipeline) is { } ended)
            {
                return ended;
            }

            var status = (int)response.StatusCode;
            var skip = ResultRequest.Accept(response, run);
            if (skip < 0)
            {
                return AttemptOutcome.Unusable("the server's partial answer did not continue the same file where the download stopped", status);
            }

            sink.Begin(run, idle, skip, cancellationToken);
            using (var body = await response.Content.ReadBodyAsync(idle.Token).ConfigureAwait(false))
            {
                await body.CopyToAsync(sink, BufferSize, idle.Token).ConfigureAwait(false);
            }

            if (sink.Overflowed)
            {
                run.Restart("the server sent more bytes than it announced");
                return AttemptOutcome.Unusable("the body ran past the announced size", status);
            }

            if (run.Total is { } expected && sink.Written != expected)
            {
                return AttemptOutcome.Unusable(
                    string.Format(CultureInfo.InvariantCulture, "the body ended at byte {0} of {1}", sink.Written, expected), status);
            }

            return new AttemptOutcome(OutcomeKind.Complete, status);
        }
        catch (Exception) when (sink.Failure is { } failure)
        {
            // A failure at the sink (a full disk, a locked file) is not the network's: it is not retried.
            failure.Throw();
            throw;
        }
        catch (HttpRequestException e) when (e.InnerException is RivyaDownloadException refused)
        {
            // The handler's ConnectCallback refused the address (TargetPolicy): a rule, not a network fault.
            ExceptionDispatchInfo.Capture(refused).Throw();
            throw;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
            && (e is HttpRequestException or IOException || (e is OperationCanceledException && idle.TimedOut)))
        {
            var reason = idle.TimedOut
                ? FormattableString.Invariant($"no byte arrived for {options.IdleTimeout.TotalSeconds:0.###} s")
                : e.GetType().Name + ": " + SecretScrubber.Scrub(e.Message, pipeline.ApiKey);
            var facts = idle.TimedOut ? AttemptFacts.Timeout() : AttemptFacts.Failed(e);
            return new AttemptOutcome(OutcomeKind.Retry, (int?)response?.StatusCode, reason, facts);
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>
    /// Sorts the answer's status: null for a 200 or 206 whose body is to be read, else how the attempt ends (a
    /// 403/404/410 is <see cref="OutcomeKind.Gone"/>; a 408/429/5xx or an unsatisfiable resume range is retried).
    /// </summary>
    /// <exception cref="RivyaDownloadException">Any other status: it will not get better by retrying.</exception>
    private static AttemptOutcome? Status(HttpResponseMessage response, DownloadRun run, Uri url, RivyaPipeline pipeline)
    {
        var status = (int)response.StatusCode;
        if (status is 200 or 206)
        {
            return null;
        }

        if (status is 403 or 404 or 410)
        {
            return new AttemptOutcome(OutcomeKind.Gone, status);
        }

        if (status == 416)
        {
            if (run.Total is { } total && run.Sink.Written == total)
            {
                return new AttemptOutcome(OutcomeKind.Complete, status);
            }

            run.Restart("the server could not satisfy the resume range");
            return AttemptOutcome.Unusable("the result host answered 416", status);
        }

        if (RetryDecision.IsRetryableStatus(response.StatusCode))
        {
            var facts = AttemptFacts.Answer(response, pipeline.Options.TimeProvider);
            return new AttemptOutcome(OutcomeKind.Retry, status, "the result host answered " + status.ToString(CultureInfo.InvariantCulture), facts);
        }

        throw new RivyaDownloadException(
            $"The result host {url.Host} answered {status} {SecretScrubber.Scrub(response.ReasonPhrase, pipeline.ApiKey)} for task {run.TaskId}'s result.",
            run.TaskId,
            response.StatusCode);
    }
}

/// <summary>
/// How one attempt ended, when it did not throw. <see cref="Reason"/> (why it must be tried again) is written by the
/// SDK, never server text; <see cref="Facts"/> is what the exchange produced, for <see cref="RetryDecision"/>.
/// </summary>
internal readonly record struct AttemptOutcome(OutcomeKind Kind, int? StatusCode, string? Reason = null, AttemptFacts Facts = default)
{
    /// <summary>
    /// A 200/206 (or a 416) whose body could not be used (cut short, not the same file, past its announced size): the
    /// decision treats it as it treats an unreadable 2xx, worth asking again.
    /// </summary>
    public static AttemptOutcome Unusable(string reason, int status) =>
        new(OutcomeKind.Retry, status, reason, AttemptFacts.Answer((HttpStatusCode)status, null, unreadableSuccess: true));
}

internal enum OutcomeKind
{
    /// <summary>Every byte is written.</summary>
    Complete,

    /// <summary>A cut, a stall, a 408/429/5xx, an answer that did not fit: <see cref="RetryDecision"/> says when to resume.</summary>
    Retry,

    /// <summary>403, 404 or 410 from the result host: the URL expired or the file is gone.</summary>
    Gone,
}
