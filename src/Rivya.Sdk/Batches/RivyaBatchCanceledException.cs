using System;

namespace Rivya.Sdk;

/// <summary>
/// The batch was cancelled after this item's create was sent: the task may exist and goes on server-side. Resume with
/// <c>WaitForCompletionAsync(TaskId)</c>, or re-run the batch (the same <see cref="RivyaException.IdempotencyKey"/>
/// reaches the same task without a second charge).
/// </summary>
public sealed class RivyaBatchCanceledException : RivyaException
{
    /// <summary>Creates the exception.</summary>
    public RivyaBatchCanceledException(string? taskId, string? idempotencyKey, Exception? innerException = null)
        : base(
            taskId is null
                ? $"The batch was cancelled while this item's create was in flight; repeat it with Idempotency-Key '{idempotencyKey}' to reach the task if it was made."
                : $"The batch was cancelled while waiting for task {taskId}; the task goes on server-side.",
            taskId,
            idempotencyKey,
            innerException)
    {
    }
}
