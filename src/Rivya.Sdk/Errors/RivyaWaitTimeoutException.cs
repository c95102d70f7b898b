using System;

namespace Rivya.Sdk;

/// <summary>
/// The wait's own timeout passed before the generation finished. Nothing was cancelled server-side: the task goes on,
/// and <c>WaitForCompletionAsync(TaskId)</c> resumes the wait.
/// </summary>
public sealed class RivyaWaitTimeoutException : RivyaException
{
    /// <summary>Creates the exception.</summary>
    public RivyaWaitTimeoutException(string taskId, TimeSpan timeout, Generation? generation)
        : base($"Generation {taskId} did not finish within {timeout}; last status '{generation?.Status.ToString() ?? "unknown"}'. The task goes on: resume with WaitForCompletionAsync(\"{taskId}\").")
    {
        TaskId = taskId;
        Timeout = timeout;
        Generation = generation;
    }

    /// <summary>The id of the task still running, to resume the wait with.</summary>
    public string TaskId { get; }

    /// <summary>The timeout that passed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The last state seen, or null when no poll succeeded.</summary>
    public Generation? Generation { get; }
}
