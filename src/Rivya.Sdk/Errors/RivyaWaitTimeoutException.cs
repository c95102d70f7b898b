using System;

namespace Rivya.Sdk;

/// <summary>
/// The wait's own timeout passed before the generation finished. Nothing was cancelled server-side: the task goes on,
/// and <c>WaitForCompletionAsync(TaskId)</c> resumes the wait.
/// </summary>
public sealed class RivyaWaitTimeoutException : RivyaException
{
    /// <summary>Creates the exception.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="taskId"/> is null.</exception>
    public RivyaWaitTimeoutException(string taskId, TimeSpan timeout, Generation? generation)
        : base(BuildMessage(taskId ?? throw new ArgumentNullException(nameof(taskId)), timeout, generation), taskId, idempotencyKey: null)
    {
        Timeout = timeout;
        Generation = generation;
    }

    /// <summary>The id of the task still running, to resume the wait with (never null here).</summary>
    public new string TaskId => base.TaskId!;

    /// <summary>The timeout that passed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The last state seen, or null when no poll succeeded.</summary>
    public Generation? Generation { get; }

    // The id and status came from the server: the base constructor escapes control characters, as for every message.
    private static string BuildMessage(string taskId, TimeSpan timeout, Generation? generation) =>
        $"Generation {taskId} did not finish within {timeout}; "
        + (generation is null ? "no status could be read. " : $"last status '{generation.Status}'. ")
        + $"The task goes on: resume with WaitForCompletionAsync(\"{taskId}\").";
}
