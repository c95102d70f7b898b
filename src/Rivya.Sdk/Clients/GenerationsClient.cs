using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Batches;
using Rivya.Sdk.Common;
using Rivya.Sdk.Generations;
using Rivya.Sdk.Http;
using Rivya.Sdk.Serialization;
using Rivya.Sdk.Waiting;

namespace Rivya.Sdk;

/// <summary>
/// Submits generations, reads and waits for them, runs batches and downloads results (<c>client.Generations</c>).
/// Each method is an entry point: the work is in <c>Waiting/</c>, <c>Batches/</c> and <c>Downloads/</c>.
/// </summary>
public partial class GenerationsClient : IGenerationCalls
{
    private readonly RivyaPipeline _pipeline = null!;
    private readonly Uri _generationsUri = null!;
    private CreditsClient? _credits;

    internal GenerationsClient(RivyaPipeline pipeline)
    {
        _pipeline = pipeline;
        _generationsUri = pipeline.Resolve("api/v1/generations");
    }

    /// <summary>For mocking frameworks only.</summary>
    protected GenerationsClient()
    {
    }

    private RivyaPipeline RequirePipeline([CallerMemberName] string member = "") =>
        _pipeline ?? throw MockingOnly.NotSetUp(this, member);

    internal RivyaPipeline Pipeline => _pipeline;

    RivyaPipeline? IGenerationCalls.Pipeline => _pipeline;

    /// <inheritdoc cref="CreateAsync(GenerationRequest, RequestOptions?, CancellationToken)"/>
    public virtual Task<Generation> CreateAsync(GenerationRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(request, null, cancellationToken);

    /// <summary>
    /// Validates <paramref name="request"/> against its model's documented rules, then submits it
    /// (<c>POST /api/v1/generations</c>). Answers the accepted task, normally <c>queued</c>.
    /// </summary>
    /// <remarks>
    /// Every attempt sends the same <c>Idempotency-Key</c> (<see cref="RequestOptions.IdempotencyKey"/>, else one made
    /// for this call), so a retry after a lost answer never starts a second paid task. A 2xx whose body cannot be read
    /// is retried the same way; every exception thrown after sending carries the key.
    /// </remarks>
    /// <exception cref="RivyaValidationException">The request breaks documented rules; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">No API key is configured; nothing was sent.</exception>
    /// <exception cref="RivyaApiException">The server refused the request (a subclass says why).</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry; its <c>IdempotencyKey</c> reaches the task if it was created.</exception>
    /// <exception cref="RivyaOperationCanceledException"><paramref name="cancellationToken"/> was cancelled (an <see cref="OperationCanceledException"/>); its <c>IdempotencyKey</c> reaches the task if the server made it.</exception>
    public virtual Task<Generation> CreateAsync(GenerationRequest request, RequestOptions? options, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        if (options?.SkipValidation != true)
        {
            RivyaValidationException.ThrowIfAny(RequestValidator.Validate(request));
        }

        var call = new RivyaRequest("generations.create", HttpMethod.Post, _generationsUri)
        {
            JsonBody = JsonSerializer.SerializeToUtf8Bytes(request, RivyaJsonContext.Default.GenerationRequest),
            IdempotencyKey = RequestOptions.KeyOf(options),
            Options = options,
        };
        var pipeline = RequirePipeline();
        return pipeline.Metrics.RecordCreated(pipeline.SendAsync(call, RivyaJsonContext.Default.Generation, cancellationToken));
    }

    /// <inheritdoc cref="GetAsync(string, RequestOptions?, CancellationToken)"/>
    public virtual Task<Generation> GetAsync(string id, CancellationToken cancellationToken = default) =>
        GetAsync(id, null, cancellationToken);

    /// <summary>Reads a task's current status (<c>GET /api/v1/generations/{id}</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    /// <exception cref="RivyaNotFoundException">No such task for this account.</exception>
    /// <exception cref="RivyaApiException">Another server error.</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry.</exception>
    public virtual Task<Generation> GetAsync(string id, RequestOptions? options, CancellationToken cancellationToken = default)
    {
        var call = new RivyaRequest("generations.get", HttpMethod.Get, RequirePipeline().ResolveResource("api/v1/generations/", id, nameof(id)))
        {
            Options = options,
        };
        return RequirePipeline().SendAsync(call, RivyaJsonContext.Default.Generation, cancellationToken);
    }
    /// <summary>
    /// Polls the task until it ends and answers it succeeded: the first poll after <see cref="WaitOptions.InitialDelay"/>
    /// (default 2.5 s), then every <see cref="WaitOptions.PollInterval"/> (5 s) growing to
    /// <see cref="WaitOptions.MaxPollInterval"/> (15 s), for at most <see cref="WaitOptions.Timeout"/> (30 minutes).
    /// </summary>
    /// <remarks>
    /// A poll failing with a connection error, 408, 429, 5xx or an unreadable 2xx (after the client's retries) does not
    /// end the wait; the next poll comes at the next interval, or after a longer <c>Retry-After</c>. An unknown status
    /// keeps waiting. Resume a wait with a saved id or <see cref="RivyaException.TaskId"/>.
    /// </remarks>
    /// <param name="id">The task id (<see cref="Generation.Id"/>).</param>
    /// <param name="options">Schedule, timeout, progress; each property not set comes from <see cref="RivyaClientOptions.DefaultWaitOptions"/>, else the defaults.</param>
    /// <param name="cancellationToken">Ends the wait at once, mid-sleep or mid-poll; nothing is cancelled server-side.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank, or <paramref name="options"/> do not fit together.</exception>
    /// <exception cref="RivyaGenerationFailedException">The task ended <c>failed</c>; its <c>Generation</c> carries the error.</exception>
    /// <exception cref="RivyaWaitTimeoutException">The wait's timeout passed; the task goes on server-side.</exception>
    /// <exception cref="RivyaApiException">A poll failed with an error that asking again will not fix (404, 401, ...).</exception>
    /// <exception cref="RivyaOperationCanceledException"><paramref name="cancellationToken"/> was cancelled (an <see cref="OperationCanceledException"/> carrying the task id).</exception>
    public virtual Task<Generation> WaitForCompletionAsync(string id, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        RivyaPipeline.CheckId(id, nameof(id));
        return GenerationWaiter.WaitAsync(this, id, GenerationWaiter.CheckOptions(this, options, nameof(options)), seen: null, cancellationToken);
    }

    /// <inheritdoc cref="CreateAndWaitAsync(GenerationRequest, WaitOptions?, RequestOptions?, CancellationToken)"/>
    public virtual Task<Generation> CreateAndWaitAsync(GenerationRequest request, CancellationToken cancellationToken) =>
        CreateAndWaitAsync(request, null, null, cancellationToken);

    /// <summary>
    /// <see cref="CreateAsync(GenerationRequest, RequestOptions?, CancellationToken)"/> (validated, one
    /// <c>Idempotency-Key</c> for every attempt), then <see cref="WaitForCompletionAsync"/>. Answers the succeeded task.
    /// </summary>
    /// <remarks>
    /// No paid task is lost: every <see cref="RivyaException"/> thrown after the create was sent (a cancellation too)
    /// carries <see cref="RivyaException.IdempotencyKey"/> and, once the create answered, <see cref="RivyaException.TaskId"/>.
    /// Resume with <see cref="WaitForCompletionAsync"/>, or repeat the create with the key (same task, no second
    /// charge). The created task is reported to <see cref="WaitOptions.Progress"/> synchronously, before the first sleep,
    /// so its id can be saved first (use a synchronous <see cref="IProgress{T}"/>, not <see cref="Progress{T}"/>, for that).
    /// </remarks>
    /// <param name="request">The generation to submit.</param>
    /// <param name="waitOptions">The wait's schedule, timeout and progress (checked before sending); null for the defaults.</param>
    /// <param name="requestOptions">Options of the create call only; its key, else one made for this call, is used.</param>
    /// <param name="cancellationToken">Cancels the create or the wait; a task already created goes on server-side.</param>
    /// <exception cref="RivyaValidationException">The request breaks documented rules; nothing was sent.</exception>
    /// <exception cref="ArgumentException"><paramref name="waitOptions"/> do not fit together; nothing was sent.</exception>
    /// <exception cref="RivyaGenerationFailedException">The task ended <c>failed</c>.</exception>
    /// <exception cref="RivyaWaitTimeoutException">The wait's timeout passed; the task goes on server-side.</exception>
    /// <exception cref="RivyaApiException">The create, or a poll, failed with an error that asking again will not fix.</exception>
    /// <exception cref="RivyaConnectionException">The create got no answer after every retry.</exception>
    /// <exception cref="RivyaOperationCanceledException"><paramref name="cancellationToken"/> was cancelled (an <see cref="OperationCanceledException"/>).</exception>
    public virtual Task<Generation> CreateAndWaitAsync(GenerationRequest request, WaitOptions? waitOptions = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        waitOptions = GenerationWaiter.CheckOptions(this, waitOptions, nameof(waitOptions));
        return GenerationWaiter.CreateAndWaitAsync(this, request, waitOptions, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Polls like <see cref="WaitForCompletionAsync"/> and yields the task on the first read and on each status change
    /// (not each poll). Ends after a terminal status, yielded whether <c>succeeded</c> or <c>failed</c> (not thrown).
    /// </summary>
    /// <param name="id">The task id (<see cref="Generation.Id"/>).</param>
    /// <param name="options">Schedule, timeout (counted from the start of the enumeration) and progress; null for the defaults.</param>
    /// <param name="cancellationToken">Ends the enumeration at once, mid-sleep or mid-poll.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank, or <paramref name="options"/> do not fit together (thrown at the call).</exception>
    /// <exception cref="RivyaWaitTimeoutException">The wait's timeout passed (thrown while enumerating).</exception>
    /// <exception cref="RivyaApiException">A poll failed with an error that asking again will not fix (thrown while enumerating).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual IAsyncEnumerable<Generation> WatchAsync(string id, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        RivyaPipeline.CheckId(id, nameof(id));
        return GenerationWaiter.WatchAsync(this, id, GenerationWaiter.CheckOptions(this, options, nameof(options)), cancellationToken);
    }

    /// <summary>
    /// Creates and waits for every request, at most <see cref="BatchOptions.MaxConcurrency"/> at a time, yielding each
    /// <see cref="BatchItemResult"/> as it ends (completion order).
    /// </summary>
    /// <remarks>
    /// An item's failure goes in its <see cref="BatchItemResult.Error"/>, never out of the enumeration: an item that
    /// breaks a rule, or whose key cannot be made, is a <see cref="RivyaValidationException"/> with its index (nothing
    /// sent) and the other items run. Every create and poll is retried like a single call (same rules, same
    /// <see cref="RivyaClientOptions.MaxRetries"/>); a 429 on any call pauses the whole batch until its
    /// <c>Retry-After</c>, for at most 20 pauses in a row per call. Each create's key is stable
    /// (<see cref="BatchOptions.IdempotencyKeySelector"/>), so a re-run after a crash reaches the tasks already made.
    /// Cancelling (or leaving the enumeration early) stops new items and every poll at once; a create already sent gets
    /// a grace of 2 seconds (on <see cref="RivyaClientOptions.TimeProvider"/>) to bring back its task id, then is
    /// abandoned. Items already sent are yielded with a <see cref="RivyaBatchCanceledException"/> (task id when known,
    /// key always), and the enumeration ends without throwing, within that grace whatever
    /// <see cref="RivyaClientOptions.Timeout"/> is.
    /// </remarks>
    /// <param name="requests">The requests; read once, at the call.</param>
    /// <param name="options">Concurrency, wait schedule, key selector and pre-flight; null for the defaults.</param>
    /// <param name="cancellationToken">Stops new submissions and the waits; a create in flight gets 2 seconds to answer. Tasks already created go on server-side.</param>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is null, or holds a null (thrown at the call).</exception>
    /// <exception cref="ArgumentException">The wait options do not fit together (thrown at the call).</exception>
    /// <exception cref="InvalidOperationException">No API key is configured; nothing was sent.</exception>
    /// <exception cref="RivyaBatchBudgetException">With <see cref="BatchOptions.CheckBalanceFirst"/>: the estimate is above the balance; nothing was sent.</exception>
    public virtual IAsyncEnumerable<BatchItemResult> CreateAndWaitManyAsync(IEnumerable<GenerationRequest> requests, BatchOptions? options = null, CancellationToken cancellationToken = default) =>
        BatchRunner.Start(this, token => (_credits ??= new CreditsClient(RequirePipeline())).GetBalanceAsync(token), Guard.NotNull(requests), options, cancellationToken);
}
