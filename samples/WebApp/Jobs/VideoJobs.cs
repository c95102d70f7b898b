using Hangfire;

namespace Rivya.Samples.WebApp.Jobs;

/// <summary>
/// The three steps of a video as Hangfire jobs. Each step enqueues the next when it is done, so no worker thread
/// waits for Rivya: a poll is a short job that Hangfire re-schedules (<see cref="PollAgainAttribute"/>).
/// </summary>
internal sealed class VideoJobs(IBackgroundJobClient jobs)
{
    /// <summary>
    /// Step 1. The request and its idempotency key are arguments of the job, so they are stored with it: every retry of
    /// the create, on any worker, sends the same key, and Rivya answers with the task it already made.
    /// </summary>
    public string EnqueueCreate(string videoId, string body, string idempotencyKey) =>
        jobs.Enqueue<CreateVideoJob>(job => job.RunAsync(videoId, body, idempotencyKey, CancellationToken.None));

    /// <summary>Step 2: the first poll of task <paramref name="taskId"/>, after <paramref name="delay"/>.</summary>
    public string SchedulePoll(string videoId, string taskId, TimeSpan delay) =>
        jobs.Schedule<PollVideoJob>(job => job.RunAsync(videoId, taskId, null, CancellationToken.None), delay);

    /// <summary>Step 3: the download of the finished task's file.</summary>
    public string EnqueueDownload(string videoId, string taskId) =>
        jobs.Enqueue<DownloadVideoJob>(job => job.RunAsync(videoId, taskId, CancellationToken.None));
}
