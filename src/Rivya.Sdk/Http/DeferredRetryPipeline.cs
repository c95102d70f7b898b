using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace Rivya.Sdk.Http;

/// <summary>
/// The Polly retry pipeline of one client, built when a call first needs a retry decision. A call's first attempt runs
/// directly; a parsed 2xx (or the caller's cancellation) ends the call there, as the pipeline would have ended it; any
/// other outcome enters the pipeline, which is handed that outcome as its attempt 0 (not sent again) and decides and
/// runs every retry, so Polly stays the one retry loop.
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

    /// <summary>Runs <paramref name="attempt"/> until success or until the pipeline's retry decision says stop.</summary>
    public async ValueTask<Outcome<object>> ExecuteAsync<TState>(
        Func<TState, ValueTask<Outcome<object>>> attempt,
        ResilienceContext context,
        TState state)
    {
        Outcome<object> first;
        try
        {
            first = await attempt(state).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // What Polly does with a callback that throws: the exception becomes the outcome.
            first = Outcome.FromException<object>(exception);
        }

        if (first.Result is IAttemptResult { IsSuccess: true } || context.CancellationToken.IsCancellationRequested)
        {
            return first;
        }

        var replay = new Replay<TState>(first, attempt, state);
        return await Pipeline.ExecuteOutcomeAsync(static (_, replay) => replay.NextAsync(), context, replay).ConfigureAwait(false);
    }

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
