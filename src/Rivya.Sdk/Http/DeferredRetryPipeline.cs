using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace Rivya.Sdk.Http;

/// <summary>
/// The Polly retry pipeline of one client, built when a call first needs a retry decision. A call's first attempt runs
/// directly (<see cref="RivyaPipeline"/>); a parsed 2xx (or the caller's cancellation) ends the call there, as the
/// pipeline would have ended it (<see cref="EndsCall"/>); any other outcome enters the pipeline (<see cref="RetryAsync"/>),
/// which is handed that outcome as its attempt 0 (not sent again) and decides and runs every retry, so Polly stays the
/// one retry loop.
/// </summary>
/// <remarks>
/// Why: building a pipeline (<c>ResiliencePipelineBuilder.AddRetry</c> and <c>Build</c>) validates its options with
/// DataAnnotations, which loads System.ComponentModel.Annotations and TypeConverter and costs about 20-40 ms of CPU
/// once per process, a fifth of a cold process's first call (bench/README.md, "Cold start"). A process whose calls
/// succeed never pays it.
/// </remarks>
internal sealed class DeferredRetryPipeline
{
    private readonly Func<ResiliencePipeline> _build;
    private ResiliencePipeline? _pipeline;

    public DeferredRetryPipeline(Func<ResiliencePipeline> build) => _build = build;

    /// <summary>The pipeline, built on first use (two racing first uses may each build one; one is kept).</summary>
    public ResiliencePipeline Pipeline
    {
        get
        {
            if (Volatile.Read(ref _pipeline) is null)
            {
                Interlocked.CompareExchange(ref _pipeline, _build(), null);
            }

            return _pipeline!;
        }
    }

    /// <summary>
    /// True when a call's first attempt ends it with no retry decision to make: a parsed 2xx, or the caller has
    /// cancelled (Polly runs no callback on a cancelled context, so the outcome could not be handed to it).
    /// </summary>
    public static bool EndsCall(Outcome<object> first, ResilienceContext context) =>
        first.Result is IAttemptResult { IsSuccess: true } || context.CancellationToken.IsCancellationRequested;

    /// <summary>
    /// Hands <paramref name="first"/>, a first attempt that did not end the call, to the pipeline as its attempt 0 (it is
    /// not sent again); the pipeline's retry decision then runs <paramref name="attempt"/> for each retry.
    /// </summary>
    public ValueTask<Outcome<object>> RetryAsync<TState>(
        Outcome<object> first,
        Func<TState, ValueTask<Outcome<object>>> attempt,
        ResilienceContext context,
        TState state) =>
        Pipeline.ExecuteOutcomeAsync(static (_, replay) => replay.NextAsync(), context, new Replay<TState>(first, attempt, state));

    /// <summary>Answers the outcome already in hand once, then makes real attempts.</summary>
    private sealed class Replay<TState>(Outcome<object> first, Func<TState, ValueTask<Outcome<object>>> attempt, TState state)
    {
        private bool _replayed;

        public ValueTask<Outcome<object>> NextAsync()
        {
            if (_replayed)
            {
                return attempt(state);
            }

            _replayed = true;
            return new ValueTask<Outcome<object>>(first);
        }
    }
}
