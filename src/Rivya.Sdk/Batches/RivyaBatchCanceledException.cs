using System;

namespace Rivya.Sdk;

/// <summary>
/// The batch was cancelled after this item had started: its task may exist and goes on server-side. A create in flight had 2 seconds to bring back its task id; without one, <see cref="RivyaException.TaskId"/>
/// is null and the key is what reaches the task. Resume with
/// <c>WaitForCompletionAsync(TaskId)</c>, or re-run the batch (the same <see cref="RivyaException.IdempotencyKey"/>
/// reaches the same task without a second charge).
/// </summary>
public sealed class RivyaBatchCanceledException : RivyaException
{
    /// <summary>Creates the exception.</summary>
    public RivyaBatchCanceledException(string? taskId, string? idempotencyKey, Exception? innerException = null)
        : base(
            taskId is null
                ? $"The batch was cancelled before this item's task id was known; repeat the create with Idempotency-Key '{idempotencyKey}' to reach the task if one was made."
                : $"The batch was cancelled while waiting for task {taskId}; the task goes on server-side.",
            taskId,
            idempotencyKey,
            innerException)
    {
    }
}
