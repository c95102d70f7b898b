using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;
using Rivya.Samples.WebApp.Hosting;
using Rivya.Samples.WebApp.Videos;
using Rivya.Sdk;

namespace Rivya.Samples.WebApp.Jobs;

/// <summary>
/// Step 2: one look at the task (a GET, free and harmless to repeat). Not finished: the job returns the delay until
/// the next look and <see cref="PollAgainAttribute"/> schedules it again, so no worker thread waits for Rivya.
/// Finished: enqueues the download, or records the failure.
/// </summary>
internal sealed class PollVideoJob(
    GenerationsClient generations, VideoStore store, VideoJobs jobs, PollSchedule schedule, IOptions<VideosOptions> options, TimeProvider time)
{
    private const string PollsParameter = "Polls";

    [PollAgain]
    [AutomaticRetry(Attempts = 10)]
    [FailVideoWhenRetriesRunOut]
    public async Task<TimeSpan?> RunAsync(string videoId, string taskId, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (store.Find(videoId)?.Status is not (VideoStatus.Creating or VideoStatus.Generating))
        {
            return null; // another poll of this video (from a repeated create) got there first
        }

        Generation current;
        try
        {
            current = await generations.GetAsync(taskId, cancellationToken);
        }
        catch (RivyaException e) when (Failures.IsPermanent(e))
        {
            store.Fail(videoId, Failures.ToError(e), taskId);
            return null;
        }

        if (current.Status == GenerationStatus.Succeeded)
        {
            // Enqueued before the status moves on: a crash in between repeats this poll, which enqueues a second
            // download of the same file (harmless: each download writes its own temporary file, then moves it in).
            jobs.EnqueueDownload(videoId, taskId);
            store.Advance(videoId, VideoStatus.Downloading);
            return null;
        }

        if (current.Status == GenerationStatus.Failed)
        {
            store.Fail(videoId, Failures.ToError(current), taskId);
            return null;
        }

        if (time.GetUtcNow() - context.BackgroundJob.CreatedAt > options.Value.WaitTimeout)
        {
            store.Fail(videoId, new VideoError("wait_timeout", $"Task {taskId} did not finish within {options.Value.WaitTimeout}; it was not cancelled."), taskId);
            return null;
        }

        store.Advance(videoId, VideoStatus.Generating);
        var polls = context.GetJobParameter<int>(PollsParameter) + 1;
        context.SetJobParameter(PollsParameter, polls);
        return schedule.Before(polls);
    }
}
