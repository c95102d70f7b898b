using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Waiting;

/// <summary>
/// The one polling loop behind <c>WaitForCompletionAsync</c>, <c>CreateAndWaitAsync</c> and <c>WatchAsync</c>: sleeps
/// on the <see cref="PollSchedule"/>, reads the task, reports and yields each change of status, and stops after a
/// terminal status. A failed generation is yielded, not thrown: the callers decide.
/// </summary>
internal static class GenerationPoller
{
    /// <param name="read">One poll: <c>GetAsync(id, token)</c>.</param>
    /// <param name="id">The task id, for the timeout exception.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="time">The clock of every sleep and of the deadline.</param>
    /// <param name="random">The jitter source; null for a shared random one.</param>
    /// <param name="seen">A state already in hand (the answer of a create): reported, yielded, and kept as the last one seen.</param>
    /// <param name="cancellationToken">The caller's token: cancels at once, mid-sleep or mid-poll.</param>
    /// <exception cref="RivyaWaitTimeoutException"><see cref="WaitOptions.Timeout"/> passed.</exception>
    /// <exception cref="RivyaOperationCanceledException"><paramref name="cancellationToken"/> was cancelled; carries <paramref name="id"/>.</exception>
    public static async IAsyncEnumerable<Generation> ChangesAsync(
        Func<string, CancellationToken, Task<Generation>> read,
        string id,
        WaitOptions options,
        TimeProvider time,
        Func<double>? random,
        Generation? seen,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var deadline = Delays.Deadline(time, options.Timeout);
        var started = time.GetTimestamp();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var schedule = new PollSchedule(options, random);
        Generation? last = null;
        var current = seen;
        TimeSpan? retryAfter = null;
        while (true)
        {
            // The state in hand first (a create's answer), then each poll's: reported and yielded when its status changed.
            if (current is not null)
            {
                var changed = last is null || last.Status != current.Status;
                last = current;
                if (changed)
                {
                    options.Report(current);
                    yield return current;
                }

                if (current.IsTerminal)
                {
                    yield break;
                }
            }

            current = null;
            try
            {
                var sleep = schedule.Next();
                if (retryAfter > sleep)
                {
                    // A server's Retry-After may outlast the wait (or any delay a timer takes): then sleep to the deadline.
                    sleep = Delays.Within(retryAfter.Value, options.Timeout, time.GetElapsedTime(started));
                }

                retryAfter = null;
                await Delays.SleepAsync(time, sleep, linked.Token).ConfigureAwait(false);
                current = await read(id, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
            {
                // Rethrown with the caller's own token (the one seen here is the linked one), so `when (ex.CancellationToken == ct)`
                // works, and with the task id: the task goes on server-side.
                throw new RivyaOperationCanceledException(id, null, cancellationToken, exception);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new RivyaWaitTimeoutException(id, options.Timeout, last);
            }
            catch (RivyaException exception) when (RetryDecision.IsTransient(AttemptFacts.Of(exception), cancellationToken))
            {
                // The pipeline already retried this poll (or gave up on a long Retry-After): the next one comes at the
                // next interval, or after the Retry-After when longer; the wait's deadline still wins.
                retryAfter = (exception as RivyaApiException)?.RetryAfter;
            }
            catch (RivyaException exception)
            {
                // Fatal for the wait, but never for the task: the exception says which task to resume.
                exception.WithHandles(id, null);
                throw;
            }
        }
    }
}
