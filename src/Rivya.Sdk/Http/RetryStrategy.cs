using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Http;

/// <summary>
/// The Polly retry pipeline every call runs its attempts through: <see cref="AttemptClassifier"/> says what is
/// retryable, <see cref="CallState.MaxRetries"/> how many times.
/// </summary>
/// <remarks>
/// The limit differs per call (a create without an idempotency key is never retried, <see cref="RequestOptions.MaxRetries"/>
/// overrides the client's), while one pipeline serves the client: so Polly's own limit is left unbounded and
/// <c>ShouldHandle</c> reads the call's limit from the <see cref="CallState"/> in the context.
/// </remarks>
internal static class RetryStrategy
{
    public static ResiliencePipeline Build(RivyaClientOptions options, ILogger logger, RivyaMetrics metrics)
    {
        var jitter = options.JitterSource ?? SharedRandom.NextDouble;
        return new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(CallState.From(args.Context), args.Outcome, args.AttemptNumber, options, logger)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(AttemptClassifier.NextDelay(args.Outcome, args.AttemptNumber, jitter)),
                OnRetry = args =>
                {
                    var call = CallState.From(args.Context);
                    metrics.RecordRetry(call.Request.Operation);
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        RivyaLog.Retrying(logger, call.Request.Method.Method, call.Request.Uri.AbsolutePath, args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, call.MaxRetries, FailureTranslator.Reason(args.Outcome, call));
                    }

                    return default;
                },
            })
            .Build();
    }

    private static bool ShouldRetry(CallState call, Outcome<object> outcome, int retriesSoFar, RivyaClientOptions options, ILogger logger)
    {
        if (retriesSoFar >= call.MaxRetries || call.CallerToken.IsCancellationRequested)
        {
            return false;
        }

        switch (AttemptClassifier.Classify(outcome, options.MaxRetryAfter, call.CallerToken))
        {
            case AttemptVerdict.Retryable:
                return true;
            case AttemptVerdict.RetryAfterTooLong:
                var retryAfter = ((IAttemptResult)outcome.Result!).RetryAfter!.Value;
                RivyaLog.RetryAfterTooLong(logger, call.Request.Method.Method, call.Request.Uri.AbsolutePath, retryAfter.TotalMilliseconds, options.MaxRetryAfter.TotalMilliseconds);
                return false;
            default:
                return false;
        }
    }
}
