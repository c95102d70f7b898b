using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Polly;
using Polly.Retry;
using Rivya.Sdk.Errors;
using Rivya.Sdk.Http;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>
/// The retry pipeline is built on a call's first failure, not with the client, and the failed first attempt is handed
/// to it as attempt 0 instead of being sent again.
/// </summary>
public sealed class DeferredRetryPipelineTests
{
    private static readonly Outcome<object> Ok = Outcome.FromResult<object>(AttemptResult<string>.Success(HttpStatusCode.OK, "ok"));

    private static readonly Outcome<object> Unavailable = Outcome.FromResult<object>(
        AttemptResult<string>.Failure(new ServerError(HttpStatusCode.ServiceUnavailable, null, "x", null, null, null, null, null)));

    [Fact]
    public void A_first_attempt_that_succeeds_ends_the_call_and_builds_no_pipeline()
    {
        var builds = 0;
        _ = new DeferredRetryPipeline(() => { builds++; return RetryAll(attempts: 3, seen: []); });

        DeferredRetryPipeline.EndsCall(Ok, Context()).Should().BeTrue();
        DeferredRetryPipeline.EndsCall(Unavailable, Context()).Should().BeFalse();
        builds.Should().Be(0);
    }

    [Fact]
    public async Task A_failed_first_attempt_enters_the_pipeline_as_its_attempt_0_and_is_not_sent_again()
    {
        var builds = 0;
        var seen = new List<(int Attempt, Outcome<object> Outcome)>();
        var retries = new DeferredRetryPipeline(() => { builds++; return RetryAll(attempts: 3, seen); });
        var sent = new Queue<Outcome<object>>([Unavailable, Ok]);

        var outcome = await retries.RetryAsync(Unavailable, s => new ValueTask<Outcome<object>>(s.Dequeue()), Context(), sent);

        outcome.Should().Be(Ok);
        sent.Should().BeEmpty("the first failure was handed over, then two attempts were sent");
        seen.Should().Equal((0, Unavailable), (1, Unavailable), (2, Ok));
        builds.Should().Be(1);

        sent.Enqueue(Ok);
        (await retries.RetryAsync(Unavailable, s => new ValueTask<Outcome<object>>(s.Dequeue()), Context(), sent)).Should().Be(Ok);
        builds.Should().Be(1, "the pipeline is built once per client");
    }

    [Fact]
    public async Task A_retry_that_throws_is_judged_as_its_exception()
    {
        var seen = new List<(int Attempt, Outcome<object> Outcome)>();
        var retries = new DeferredRetryPipeline(() => RetryAll(attempts: 1, seen));
        var failure = new HttpRequestException("refused");

        var outcome = await retries.RetryAsync<object?>(Unavailable, _ => throw failure, Context(), null);

        outcome.Exception.Should().BeSameAs(failure);
        seen.Select(s => s.Attempt).Should().Equal(0, 1);
    }

    [Fact]
    public void After_the_callers_cancellation_the_first_outcome_ends_the_call()
    {
        using var cancel = new CancellationTokenSource();
        var context = ResilienceContextPool.Shared.Get(cancel.Token);
        cancel.Cancel();

        DeferredRetryPipeline.EndsCall(Unavailable, context).Should().BeTrue();
    }

    private static ResilienceContext Context() => ResilienceContextPool.Shared.Get(CancellationToken.None);

    // Retries every outcome that is not a success, with no delay, recording what it judged.
    private static ResiliencePipeline RetryAll(int attempts, List<(int Attempt, Outcome<object> Outcome)> seen) =>
        new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, attempts),
            Delay = TimeSpan.Zero,
            ShouldHandle = args =>
            {
                seen.Add((args.AttemptNumber, args.Outcome));
                return new ValueTask<bool>(attempts > 0 && args.Outcome.Result is IAttemptResult { IsSuccess: false });
            },
        }).Build();
}
