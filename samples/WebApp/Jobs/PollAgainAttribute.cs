using Hangfire.Common;
using Hangfire.States;

namespace Rivya.Samples.WebApp.Jobs;

/// <summary>
/// Lets a job say "not yet, run me again in N seconds" by returning that delay: the job is then scheduled again
/// instead of succeeding (the same job, so there is never a second chain of polls), and no worker thread waits
/// meanwhile. A job that returns null succeeds as usual. The same mechanism Hangfire's own retries use.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PollAgainAttribute : JobFilterAttribute, IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is SucceededState { Result: TimeSpan delay })
        {
            context.CandidateState = new ScheduledState(delay) { Reason = "Rivya is still generating: polling again" };
        }
    }
}
