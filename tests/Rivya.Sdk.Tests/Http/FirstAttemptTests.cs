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
/// A call's first attempt runs before any retry pipeline is asked for; a failed one is handed to the pipeline as its
/// attempt 0 instead of being sent again.
/// </summary>
public sealed class FirstAttemptTests
{
    private static readonly Outcome<AttemptResult> Ok = Outcome.FromResult<AttemptResult>(AttemptResult<string>.Success(HttpStatusCode.OK, "ok"));

    private static readonly Outcome<AttemptResult> Unavailable = Outcome.FromResult<AttemptResult>(
        AttemptResult<string>.Failure(new ServerError(HttpStatusCode.ServiceUnavailable, null, "x", null, null, null, null, null)));

    [Fact]
    public void A_parsed_2xx_ends_the_call_and_a_failure_does_not()
    {
        FirstAttempt.EndsCall(Ok, Context()).Should().BeTrue();
        FirstAttempt.EndsCall(Unavailable, Context()).Should().BeFalse();
        FirstAttempt.EndsCall(Outcome.FromException<AttemptResult>(new HttpRequestException("refused")), Context()).Should().BeFalse();
    }

    [Fact]
    public void After_the_callers_cancellation_the_first_outcome_ends_the_call()
    {
        using var cancel = new CancellationTokenSource();
        var context = ResilienceContextPool.Shared.Get(cancel.Token);
        cancel.Cancel();

        FirstAttempt.EndsCall(Unavailable, context).Should().BeTrue();
    }

    [Fact]
    public async Task A_failed_first_attempt_enters_the_pipeline_as_its_attempt_0_and_is_not_sent_again()
    {
        var seen = new List<(int Attempt, Outcome<AttemptResult> Outcome)>();
        var sent = new Queue<Outcome<AttemptResult>>([Unavailable, Ok]);

        var outcome = await FirstAttempt.RetryAsync(RetryFailures(3, seen), Unavailable, s => new ValueTask<Outcome<AttemptResult>>(s.Dequeue()), Context(), sent);

        outcome.Should().Be(Ok);
        sent.Should().BeEmpty("the first failure was handed over, then two attempts were sent");
        seen.Should().Equal((0, Unavailable), (1, Unavailable), (2, Ok));
    }

    [Fact]
    public async Task A_retry_that_throws_is_judged_as_its_exception()
    {
        var seen = new List<(int Attempt, Outcome<AttemptResult> Outcome)>();
        var failure = new HttpRequestException("refused");

        var outcome = await FirstAttempt.RetryAsync<object?>(RetryFailures(1, seen), Unavailable, _ => throw failure, Context(), null);

        outcome.Exception.Should().BeSameAs(failure);
        seen.Select(s => s.Attempt).Should().Equal(0, 1);
    }

    [Fact]
    public async Task With_no_retries_allowed_the_first_outcome_is_the_answer()
    {
        var sent = new Queue<Outcome<AttemptResult>>([Ok]);

        var outcome = await FirstAttempt.RetryAsync(ResiliencePipeline<AttemptResult>.Empty, Unavailable, s => new ValueTask<Outcome<AttemptResult>>(s.Dequeue()), Context(), sent);

        outcome.Should().Be(Unavailable);
        sent.Should().ContainSingle("nothing was sent again");
    }

    private static ResilienceContext Context() => ResilienceContextPool.Shared.Get(CancellationToken.None);

    // Retries every answer that is not a success, with no delay, recording what it judged.
    private static ResiliencePipeline<AttemptResult> RetryFailures(int retries, List<(int Attempt, Outcome<AttemptResult> Outcome)> seen) =>
        new ResiliencePipelineBuilder<AttemptResult>().AddRetry(new RetryStrategyOptions<AttemptResult>
        {
            MaxRetryAttempts = retries,
            Delay = TimeSpan.Zero,
            ShouldHandle = args =>
            {
                seen.Add((args.AttemptNumber, args.Outcome));
                return new ValueTask<bool>(args.Outcome.Result is { IsSuccess: false });
            },
        }).Build();
}
