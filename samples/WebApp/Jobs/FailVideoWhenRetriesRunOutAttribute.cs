using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Rivya.Samples.WebApp.Videos;

namespace Rivya.Samples.WebApp.Jobs;

/// <summary>
/// When a step has used up its Hangfire retries (Rivya unreachable for hours, a disk that stays full), the video is
/// marked failed in the same transaction, with the last error. The task id and the idempotency key stay in its record,
/// so a paid task is never lost: a create with that key (or a download by that task id) reaches the same task.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FailVideoWhenRetriesRunOutAttribute : JobFilterAttribute, IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState is not FailedState failed || context.BackgroundJob.Job.Args is not [string videoId, ..])
        {
            return;
        }

        var key = VideoStore.HashKey(videoId);
        var current = context.Connection.GetAllEntriesFromHash(key);
        if (current?.GetValueOrDefault("status") == VideoStatus.Succeeded)
        {
            return;
        }

        transaction.SetRangeInHash(key, VideoStore.FailureFields(Failures.ToError(failed.Exception)));
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
