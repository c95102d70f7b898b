using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// One attempt of a download: the GET (following redirects by hand), the answer's checks, then the body into the sink
/// through one pooled buffer under the idle-read timeout. A cut, a stall or a retryable status is an outcome, not an
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
        var atSink = false;
        try
        {
            // Inline rather than a helper: one async frame less per download.
            var current = url;
            for (var hop = 0; ; hop++)
            {
                using (var request = ResultRequest.Create(pipeline, current, run))
                {
                    response = await pipeline.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
                }

                if (ResultRequest.NextHop(response, current, hop, run.TaskId) is not { } next)
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
                return AttemptOutcome.Retry("the server's partial answer did not start where the download stopped", status);
            }

            atSink = true;
            sink.Begin(run.Total);
            atSink = false;

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
                        throw DownloadErrors.TooLarge(run.TaskId, options.MaxBytes);
                    }

                    atSink = true;
                    await sink.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
                    atSink = false;
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
        catch (Exception e) when (!atSink && IsNetworkFailure(e, idle, cancellationToken))
        {
            // A failure at the sink (a full disk, a locked file) is not the network's: it is not retried.
            var reason = idle.TimedOut
                ? FormattableString.Invariant($"no byte arrived for {options.IdleTimeout.TotalSeconds:0.###} s")
                : e.GetType().Name + ": " + SecretScrubber.Scrub(e.Message, pipeline.ApiKey);
            return AttemptOutcome.Retry(reason, (int?)response?.StatusCode);
        }
        finally
        {
            response?.Dispose();
        }
    }

    private static bool IsNetworkFailure(Exception e, IdleWatch idle, CancellationToken callerToken) =>
        !callerToken.IsCancellationRequested
        && (e is HttpRequestException or IOException || (e is OperationCanceledException && idle.TimedOut));
}
