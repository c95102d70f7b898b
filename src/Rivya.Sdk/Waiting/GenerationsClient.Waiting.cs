using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;
using Rivya.Sdk.Waiting;

namespace Rivya.Sdk;

/// <summary>Waiting for a generation: polling on a schedule, with an overall timeout and progress.</summary>
public partial class GenerationsClient
{
    private static readonly WaitOptions DefaultWaitOptions = new();

    /// <summary>
    /// Polls the task until it ends (<c>GET /api/v1/generations/{id}</c>): the first poll after
    /// <see cref="WaitOptions.InitialDelay"/> (default 2.5 s), then every <see cref="WaitOptions.PollInterval"/>
    /// (default 5 s) growing up to <see cref="WaitOptions.MaxPollInterval"/> (default 15 s), for at most
    /// <see cref="WaitOptions.Timeout"/> (default 30 minutes). Answers the succeeded task.
    /// </summary>
    /// <remarks>
    /// A poll that fails with a connection error, a 408, 429 or 5xx, or a 2xx whose body cannot be read (after the
    /// client's own retries) does not end the wait: the next poll comes at the next interval, or after the server's <c>Retry-After</c> when that is longer.
    /// A status this SDK does not know keeps the wait going. Use this with a task id saved earlier, or from
    /// <see cref="RivyaException.TaskId"/>, to resume a wait (set <see cref="WaitOptions.InitialDelay"/> to
    /// zero to poll at once).
    /// </remarks>
    /// <param name="id">The task id (<see cref="Generation.Id"/>).</param>
    /// <param name="options">The schedule, timeout and progress; null for <see cref="RivyaClientOptions.DefaultWaitOptions"/>, else the defaults.</param>
    /// <param name="cancellationToken">Ends the wait at once, mid-sleep or mid-poll; nothing is cancelled server-side.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank, or <paramref name="options"/> do not fit together.</exception>
    /// <exception cref="RivyaGenerationFailedException">The task ended <c>failed</c>; its <c>Generation</c> carries the error.</exception>
    /// <exception cref="RivyaWaitTimeoutException">The wait's timeout passed; the task goes on server-side.</exception>
    /// <exception cref="RivyaNotFoundException">No such task for this account.</exception>
    /// <exception cref="RivyaApiException">A poll failed with another error that asking again will not fix (401, 403, ...).</exception>
    /// <exception cref="RivyaOperationCanceledException"><paramref name="cancellationToken"/> was cancelled (an <see cref="OperationCanceledException"/> carrying the task id).</exception>
    public virtual Task<Generation> WaitForCompletionAsync(string id, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckId(id);
        options = CheckWaitOptions(options, nameof(options));
        return WaitAsync(id, options, seen: null, cancellationToken);
    }

    /// <inheritdoc cref="CreateAndWaitAsync(GenerationRequest, WaitOptions?, RequestOptions?, CancellationToken)"/>
    public virtual Task<Generation> CreateAndWaitAsync(GenerationRequest request, CancellationToken cancellationToken) =>
        CreateAndWaitAsync(request, null, null, cancellationToken);

    /// <summary>
    /// Submits <paramref name="request"/> like <see cref="CreateAsync(GenerationRequest, RequestOptions?, CancellationToken)"/>
    /// (validated first, with one <c>Idempotency-Key</c> for every attempt), then waits for it like
    /// <see cref="WaitForCompletionAsync"/>. Answers the succeeded task.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <paramref name="waitOptions"/> are checked before anything is sent. The key is
    /// <see cref="RequestOptions.IdempotencyKey"/>, else one made for this call.
    /// </para>
    /// <para>
    /// No paid task is lost: every <see cref="RivyaException"/> this method throws (except a
    /// <see cref="RivyaValidationException"/>, thrown before anything is sent) carries <see cref="RivyaException.IdempotencyKey"/>
    /// and, once the server has answered the create, <see cref="RivyaException.TaskId"/>; a cancellation is a
    /// <see cref="RivyaOperationCanceledException"/> carrying the same two. Resume a known task with
    /// <see cref="WaitForCompletionAsync"/>; with only the key, repeat the create with it (it reaches the same task
    /// without a second charge). Do not create again without the key.
    /// </para>
    /// <para>
    /// Guarantee: the created task is reported to <see cref="WaitOptions.Progress"/>, synchronously on the calling flow,
    /// right after the create answers and before the first sleep or poll, so a caller can persist its id before anything
    /// else can fail. (A <see cref="Progress{T}"/> posts its handler to a synchronization context or the thread pool; use
    /// a synchronous <see cref="IProgress{T}"/> when the id must be saved before the wait goes on.)
    /// </para>
    /// </remarks>
    /// <param name="request">The generation to submit.</param>
    /// <param name="waitOptions">The schedule, timeout and progress of the wait; null for the defaults.</param>
    /// <param name="requestOptions">Options of the create call only (idempotency key, per-attempt timeout, retries, headers).</param>
    /// <param name="cancellationToken">Cancels the create or the wait; a task already created goes on server-side.</param>
    /// <exception cref="RivyaValidationException">The request breaks documented rules; nothing was sent.</exception>
    /// <exception cref="ArgumentException"><paramref name="waitOptions"/> do not fit together; nothing was sent.</exception>
    /// <exception cref="RivyaGenerationFailedException">The task ended <c>failed</c>.</exception>
    /// <exception cref="RivyaWaitTimeoutException">The wait's timeout passed; the task goes on server-side.</exception>
    /// <exception cref="RivyaApiException">The create, or a poll, failed with an error that asking again will not fix.</exception>
    /// <exception cref="RivyaConnectionException">The create got no answer after every retry; its <c>IdempotencyKey</c> reaches the task if it was created.</exception>
    /// <exception cref="RivyaOperationCanceledException"><paramref name="cancellationToken"/> was cancelled (an <see cref="OperationCanceledException"/>).</exception>
    public virtual async Task<Generation> CreateAndWaitAsync(
        GenerationRequest request,
        WaitOptions? waitOptions = null,
        RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        waitOptions = CheckWaitOptions(waitOptions, nameof(waitOptions));

        // The key is fixed here, not inside CreateAsync, so that an exception of the wait can carry it too.
        var key = string.IsNullOrEmpty(requestOptions?.IdempotencyKey) ? Guid.NewGuid().ToString() : requestOptions!.IdempotencyKey!;
        var createOptions = requestOptions is null ? new RequestOptions { IdempotencyKey = key } : requestOptions with { IdempotencyKey = key };

        Generation created;
        try
        {
            created = await CreateAsync(request, createOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (RivyaException exception) when (exception is not RivyaValidationException)
        {
            exception.WithHandles(null, key);
            throw;
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && exception is not RivyaOperationCanceledException { IdempotencyKey: not null })
        {
            throw new RivyaOperationCanceledException(null, key, cancellationToken, exception);
        }

        try
        {
            return await WaitAsync(created.Id, waitOptions, created, cancellationToken).ConfigureAwait(false);
        }
        catch (RivyaException exception)
        {
            exception.WithHandles(created.Id, key);
            throw;
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new RivyaOperationCanceledException(created.Id, key, cancellationToken, exception);
        }
    }

    /// <summary>
    /// Polls the task like <see cref="WaitForCompletionAsync"/> and yields it each time its status changes: the first
    /// status read, then one item per change (not per poll). Ends after a terminal status, which is yielded whether the
    /// task <c>succeeded</c> or <c>failed</c> (a failed task is not thrown here: check <see cref="Generation.Status"/>).
    /// </summary>
    /// <param name="id">The task id (<see cref="Generation.Id"/>).</param>
    /// <param name="options">The schedule, timeout and progress; null for the defaults. The timeout counts from the start of the enumeration.</param>
    /// <param name="cancellationToken">Ends the enumeration at once, mid-sleep or mid-poll.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank, or <paramref name="options"/> do not fit together (thrown at the call).</exception>
    /// <exception cref="RivyaWaitTimeoutException">The wait's timeout passed (thrown while enumerating).</exception>
    /// <exception cref="RivyaNotFoundException">No such task for this account (thrown while enumerating).</exception>
    /// <exception cref="RivyaApiException">A poll failed with an error that asking again will not fix (thrown while enumerating).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual IAsyncEnumerable<Generation> WatchAsync(string id, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Checked here, not in the iterator: a bad argument fails at the call, not at the first MoveNextAsync.
        CheckId(id);
        options = CheckWaitOptions(options, nameof(options));
        return WatchCoreAsync(id, options, cancellationToken);
    }

    private async IAsyncEnumerable<Generation> WatchCoreAsync(string id, WaitOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var generation in Changes(id, options, seen: null, cancellationToken).ConfigureAwait(false))
        {
            yield return generation;
        }
    }

    private async Task<Generation> WaitAsync(string id, WaitOptions options, Generation? seen, CancellationToken cancellationToken)
    {
        var time = _pipeline?.Options.TimeProvider ?? TimeProvider.System;
        var started = time.GetTimestamp();
        Generation? last = null;
        await foreach (var generation in Changes(id, options, seen, cancellationToken).ConfigureAwait(false))
        {
            last = generation;
        }

        // The loop ends only after a terminal status, so last is set and terminal here.
        RivyaMetrics.RecordWait(started, time, last!.Status);
        RivyaMetrics.RecordGeneration(last.Status);
        return last!.Status == GenerationStatus.Failed ? throw new RivyaGenerationFailedException(last, _pipeline?.ApiKey) : last;
    }

    private IAsyncEnumerable<Generation> Changes(string id, WaitOptions options, Generation? seen, CancellationToken cancellationToken) =>
        GenerationPoller.ChangesAsync(
            (taskId, token) => GetAsync(taskId, token),
            id,
            options,
            _pipeline?.Options.TimeProvider ?? TimeProvider.System,
            _pipeline?.Options.JitterSource,
            seen,
            cancellationToken);

    private static void CheckId(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A task id is required (Generation.Id).", nameof(id));
        }
    }

    private WaitOptions CheckWaitOptions(WaitOptions? options, string paramName)
    {
        options ??= _pipeline?.Options.DefaultWaitOptions ?? DefaultWaitOptions;
        options.Validate(paramName);
        return options;
    }
}
