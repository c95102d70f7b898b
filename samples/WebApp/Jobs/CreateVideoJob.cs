using Hangfire;
using Rivya.Samples.WebApp.Videos;
using Rivya.Sdk;

namespace Rivya.Samples.WebApp.Jobs;

/// <summary>
/// Step 1: creates the Rivya task. Safe to run any number of times: the idempotency key was fixed when the video was
/// queued and is an argument of this job, so a retry after a crash, a timeout or a lost answer reaches the same task
/// and Rivya charges once.
/// </summary>
internal sealed class CreateVideoJob(GenerationsClient generations, VideoStore store, VideoJobs jobs, PollSchedule schedule)
{
    // An outage, not a bad request (the SDK has already retried the transient failures): try for about a day.
    [AutomaticRetry(Attempts = 12, DelaysInSeconds = [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 3600, 3600])]
    [FailVideoWhenRetriesRunOut]
    public async Task RunAsync(string videoId, string body, string idempotencyKey, CancellationToken cancellationToken)
    {
        // Past this step already (this run repeats one that got as far as scheduling the first poll): nothing to do.
        if (store.Find(videoId)?.Status is not (VideoStatus.Queued or VideoStatus.Creating))
        {
            return;
        }

        store.Advance(videoId, VideoStatus.Creating);
        var (request, errors) = VideoBody.Read(body, clientRequestId: videoId);
        if (request is null)
        {
            // Validated when it was accepted; only a change of the SDK's rules between then and now gets here.
            store.Fail(videoId, Failures.ToError(new RivyaValidationException(errors)));
            return;
        }

        Generation created;
        try
        {
            created = await generations.CreateAsync(request, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);
        }
        catch (RivyaException e) when (Failures.IsPermanent(e))
        {
            store.Fail(videoId, Failures.ToError(e), e.TaskId);
            return;
        }

        // The task id first, then the poll, then "generating": a crash before the last write repeats this job, which
        // reaches the same task (same key) and schedules one more poll; the extra poll finds the video moved on.
        store.Advance(videoId, VideoStatus.Creating, taskId: created.Id);
        jobs.SchedulePoll(videoId, created.Id, schedule.Before(0));
        store.Advance(videoId, VideoStatus.Generating);
    }
}
