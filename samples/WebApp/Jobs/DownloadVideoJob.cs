using Hangfire;
using Rivya.Samples.WebApp.Videos;
using Rivya.Sdk;

namespace Rivya.Samples.WebApp.Jobs;

/// <summary>
/// Step 3: downloads the finished task's file into <c>Videos:Path</c>. Safe to repeat: it reads the task by id (fresh
/// result URLs), writes a temporary file of its own and moves it over <c>{id}.mp4</c> only when complete, so a crash
/// leaves no half file to serve and a second run simply downloads again. Nothing here can create or charge a task.
/// </summary>
internal sealed class DownloadVideoJob(GenerationsClient generations, VideoStore store, VideoFiles files)
{
    [AutomaticRetry(Attempts = 10)]
    [FailVideoWhenRetriesRunOut]
    public async Task RunAsync(string videoId, string taskId, CancellationToken cancellationToken)
    {
        // Not "is it downloading": the poll enqueues this job before it records that, so this may run first.
        var status = store.Find(videoId)?.Status;
        if (status is null || VideoStatus.IsFinal(status))
        {
            return;
        }

        store.Advance(videoId, VideoStatus.Downloading);

        var path = files.PathOf(videoId);
        await generations.DownloadAsync(taskId, path, new DownloadOptions { Overwrite = true }, cancellationToken);
        store.Advance(videoId, VideoStatus.Succeeded, file: Path.GetFileName(path));
    }
}
