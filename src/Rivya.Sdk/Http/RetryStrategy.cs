using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Rivya.Sdk.Http;

/// <summary>
/// The Polly retry pipelines a client's calls run their attempts through: <see cref="RetryDecision"/> says what an
/// outcome means and how long to wait; Polly runs the loop, sleeps on the client's <see cref="TimeProvider"/> and
/// reports. One pipeline per retry limit, each with its true <c>MaxRetryAttempts</c> (docs/architecture.md, "Polly as
/// its authors intend").
/// </summary>
internal sealed class RetryStrategy(RivyaClientOptions options, ILogger logger, RivyaMetrics metrics)
{
    private readonly RetryDecision _decision = RetryDecision.For(options);
    private readonly ConcurrentDictionary<int, ResiliencePipeline<AttemptResult>> _byLimit = new();

    /// <summary>The pipeline for a call that may be retried <paramref name="maxRetryAttempts"/> times in all.</summary>
    public ResiliencePipeline<AttemptResult> For(int maxRetryAttempts) =>
        maxRetryAttempts <= 0 ? ResiliencePipeline<AttemptResult>.Empty
        : _byLimit.TryGetValue(maxRetryAttempts, out var pipeline) ? pipeline
        : _byLimit.GetOrAdd(maxRetryAttempts, Build(maxRetryAttempts));

    private ResiliencePipeline<AttemptResult> Build(int maxRetryAttempts) =>
        new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                MaxRetryAttempts = maxRetryAttempts,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(CallState.From(args.Context), args.Outcome, args.AttemptNumber)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(CallState.From(args.Context).NextDelay),
                OnRetry = args =>
                {
                    OnRetry(CallState.From(args.Context), args.Outcome, args.RetryDelay, args.AttemptNumber);
                    return default;
                },
            })
            .Build();

    private bool ShouldRetry(CallState call, Outcome<AttemptResult> outcome, int retriesSoFar)
    {
        var facts = outcome.Exception is { } exception ? AttemptFacts.Failed(exception) : outcome.Result!.Facts;
        var advice = _decision.Decide(facts, call.Budget(retriesSoFar), progressed: false, call.CallerToken);
        if (advice.Verdict == RetryVerdict.Retry)
        {
            call.Spend(advice);
            return true;
        }

        if (advice.RetryAfterTooLong)
        {
            RivyaLog.RetryAfterTooLong(logger, call.Request.Method.Method, call.Request.Uri.AbsolutePath, facts.RetryAfter!.Value.TotalMilliseconds, options.MaxRetryAfter.TotalMilliseconds);
        }

        return false;
    }

    private void OnRetry(CallState call, Outcome<AttemptResult> outcome, TimeSpan delay, int retriesBefore)
    {
        var pause = call.NextIsPause;
        if (pause)
        {
            // Any 429 of a batch closes its gate: every other call of the batch waits out the same pause.
            call.Gate!.Close(delay);
        }

        metrics.RecordRetry(call.Request.Operation);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var budget = call.Budget(retriesBefore + 1);
            var (retry, max) = pause ? (budget.Pauses, budget.MaxPauses) : (budget.Retries, budget.MaxRetries);
            RivyaLog.Retrying(logger, call.Request.Method.Method, call.Request.Uri.AbsolutePath, delay.TotalMilliseconds, retry, max, FailureTranslator.Reason(outcome, call));
        }
    }
}
