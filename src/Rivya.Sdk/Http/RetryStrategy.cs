using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Rivya.Sdk.Http;

/// <summary>
/// The Polly retry pipelines a client's calls run their attempts through. <see cref="RetryDecision"/> says what an
/// outcome means and how long to wait; Polly runs the loop, sleeps on the client's <see cref="TimeProvider"/> and
/// reports.
/// </summary>
/// <remarks>
/// Polly fixes <c>MaxRetryAttempts</c> per pipeline, while the limit differs per call (a create without an
/// idempotency key is never retried, <see cref="RequestOptions.MaxRetries"/> overrides the client's, a batch call adds
/// its gate's 429 pauses). So there is one pipeline per limit, built on first use (a client sees two or three), each
/// with its true limit; <c>ShouldHandle</c> still asks the decision, which also keeps retries and pauses apart.
/// </remarks>
internal sealed class RetryStrategy
{
    private readonly RetryDecision _decision;
    private readonly RivyaClientOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<int, ResiliencePipeline<AttemptResult>> _byLimit = new();

    public RetryStrategy(RivyaClientOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _decision = RetryDecision.For(options);
    }

    /// <summary>The pipeline for a call that may be retried <paramref name="maxRetryAttempts"/> times in all.</summary>
    public ResiliencePipeline<AttemptResult> For(int maxRetryAttempts) =>
        maxRetryAttempts <= 0 ? ResiliencePipeline<AttemptResult>.Empty
        : _byLimit.TryGetValue(maxRetryAttempts, out var pipeline) ? pipeline
        : _byLimit.GetOrAdd(maxRetryAttempts, Build(maxRetryAttempts));

    private ResiliencePipeline<AttemptResult> Build(int maxRetryAttempts) =>
        new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = _options.TimeProvider }
            .AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                MaxRetryAttempts = maxRetryAttempts,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(CallState.From(args.Context), args.Outcome)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(CallState.From(args.Context).Next.Delay),
                OnRetry = args =>
                {
                    OnRetry(CallState.From(args.Context), args.Outcome, args.RetryDelay);
                    return default;
                },
            })
            .Build();

    private bool ShouldRetry(CallState call, Outcome<AttemptResult> outcome)
    {
        var facts = outcome.Exception is { } exception ? AttemptFacts.Failed(exception) : outcome.Result!.Facts;
        var advice = _decision.Decide(facts, call.Budget, progressed: false, call.CallerToken);
        if (advice.Verdict == RetryVerdict.Retry)
        {
            call.Spend(advice);
            return true;
        }

        if (advice.RetryAfterTooLong)
        {
            RivyaLog.RetryAfterTooLong(_logger, call.Request.Method.Method, call.Request.Uri.AbsolutePath, facts.RetryAfter!.Value.TotalMilliseconds, _options.MaxRetryAfter.TotalMilliseconds);
        }

        return false;
    }

    private void OnRetry(CallState call, Outcome<AttemptResult> outcome, TimeSpan delay)
    {
        if (call.Next.IsRateLimitPause)
        {
            // Any 429 of a batch closes its gate: every other call of the batch waits out the same pause.
            call.Gate!.Close(delay);
        }

        RivyaMetrics.RecordRetry(call.Request.Operation);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var (retry, max) = call.Next.IsRateLimitPause ? (call.Budget.Pauses, call.MaxPauses) : (call.Budget.Retries, call.MaxRetries);
            RivyaLog.Retrying(_logger, call.Request.Method.Method, call.Request.Uri.AbsolutePath, delay.TotalMilliseconds, retry, max, FailureTranslator.Reason(outcome, call));
        }
    }
}
