using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// One attempt of a download: the GET (following redirects by hand), the answer's checks, then the body copied into
/// the sink (<see cref="SinkWriter"/>) under the idle-read timeout. A cut, a stall or a retryable status is an outcome, not an
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
        SinkWriter? writer = null;
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
            if (ResponseCheck.Status(response, run, url, pipeline) is { } ended)
            {
                return ended;
            }

            var status = (int)response.StatusCode;
            var skip = ResponseCheck.Accept(response, run);
            if (skip < 0)
            {
                return AttemptOutcome.Unusable("the server's partial answer did not continue the same file where the download stopped", status);
            }

            writer = new SinkWriter(run, idle, skip, cancellationToken);
            writer.Begin(run.Total);
            using (var body = await response.Content.ReadBodyAsync(idle.Token).ConfigureAwait(false))
            {
                await body.CopyToAsync(writer, BufferSize, idle.Token).ConfigureAwait(false);
            }

            if (writer.Overflowed)
            {
                run.Restart("the server sent more bytes than it announced");
                return AttemptOutcome.Unusable("the body ran past the announced size", status);
            }

            if (run.Total is { } expected && sink.Written != expected)
            {
                return AttemptOutcome.Unusable(
                    string.Format(CultureInfo.InvariantCulture, "the body ended at byte {0} of {1}", sink.Written, expected), status);
            }

            return AttemptOutcome.Complete(status);
        }
        catch (Exception) when (writer?.Failure is { } failure)
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
        catch (Exception e) when (IsNetworkFailure(e, idle, cancellationToken))
        {
            var reason = idle.TimedOut
                ? FormattableString.Invariant($"no byte arrived for {options.IdleTimeout.TotalSeconds:0.###} s")
                : e.GetType().Name + ": " + SecretScrubber.Scrub(e.Message, pipeline.ApiKey);
            return AttemptOutcome.Retry(reason, (int?)response?.StatusCode, idle.TimedOut ? AttemptFacts.Timeout() : AttemptFacts.Failed(e));
        }
        finally
        {
            writer?.Dispose();
            response?.Dispose();
        }
    }

    private static bool IsNetworkFailure(Exception e, IdleWatch idle, CancellationToken callerToken) =>
        !callerToken.IsCancellationRequested
        && (e is HttpRequestException or IOException || (e is OperationCanceledException && idle.TimedOut));
}
