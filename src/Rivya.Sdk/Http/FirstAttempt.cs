using System;
using System.Threading.Tasks;
using Polly;

namespace Rivya.Sdk.Http;

/// <summary>
/// A call's first attempt runs before any retry pipeline is asked for: a parsed 2xx (or the caller's cancellation) ends
/// the call there; any other outcome goes to the call's Polly pipeline as its attempt 0, not sent again, and Polly stays
/// the one retry loop. Why: building a pipeline costs 20-40 ms of CPU once per process (docs/architecture.md, step 2).
/// </summary>
internal static class FirstAttempt
{
    /// <summary>
    /// True when a first attempt ends its call with no retry decision to make: a parsed 2xx, or the caller has cancelled
    /// (Polly runs no callback on a cancelled context, so the outcome could not be handed to it).
    /// </summary>
    public static bool EndsCall(Outcome<AttemptResult> first, ResilienceContext context) =>
        first.Result is { IsSuccess: true } || context.CancellationToken.IsCancellationRequested;

    /// <summary>
    /// Hands <paramref name="first"/>, a first attempt that did not end the call, to <paramref name="pipeline"/> as its
    /// attempt 0; the pipeline then runs <paramref name="attempt"/> for each retry it decides on.
    /// </summary>
    public static ValueTask<Outcome<AttemptResult>> RetryAsync<TState>(
        ResiliencePipeline<AttemptResult> pipeline,
        Outcome<AttemptResult> first,
        Func<TState, ValueTask<Outcome<AttemptResult>>> attempt,
        ResilienceContext context,
        TState state) =>
        pipeline.ExecuteOutcomeAsync(static (_, replay) => replay.NextAsync(), context, new Replay<TState>(first, attempt, state));

    /// <summary>Answers the outcome already in hand once, then makes real attempts.</summary>
    private sealed class Replay<TState>(Outcome<AttemptResult> first, Func<TState, ValueTask<Outcome<AttemptResult>>> attempt, TState state)
    {
        private bool _replayed;

        public ValueTask<Outcome<AttemptResult>> NextAsync()
        {
            if (_replayed)
            {
                return attempt(state);
            }

            _replayed = true;
            return new ValueTask<Outcome<AttemptResult>>(first);
        }
    }
}
