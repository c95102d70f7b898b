using System;
using System.Threading;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>
/// The caller's <see cref="CancellationToken"/> ended a create or a wait. It is an
/// <see cref="OperationCanceledException"/> (so <c>catch (OperationCanceledException)</c> still catches it, and
/// <see cref="OperationCanceledException.CancellationToken"/> is the caller's token) that also carries the handles of the
/// task it concerns: cancelling never cancels a task server-side, so the task may exist and cost credits.
/// </summary>
/// <remarks>
/// Persist <see cref="TaskId"/> to resume with <c>WaitForCompletionAsync(TaskId)</c>; when it is null but
/// <see cref="IdempotencyKey"/> is set, the create may or may not have reached the server: repeat it with that key to
/// reach the same task without a second charge.
/// </remarks>
public sealed class RivyaOperationCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskId">The task id, when the task was known to exist at cancellation.</param>
    /// <param name="idempotencyKey">The key of the create, when there was one.</param>
    /// <param name="cancellationToken">The caller's token that was cancelled.</param>
    /// <param name="innerException">
    /// The cancellation as first seen inside the SDK, if any. Another <see cref="RivyaOperationCanceledException"/> (an
    /// inner call's) is not kept: its own inner exception is, so <see cref="Exception.InnerException"/> is always the
    /// original cancellation.
    /// </param>
    public RivyaOperationCanceledException(string? taskId, string? idempotencyKey, CancellationToken cancellationToken, Exception? innerException = null)
        : base(BuildMessage(taskId, idempotencyKey), Original(innerException), cancellationToken)
    {
        TaskId = taskId;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The id of the task, if it existed when the call was cancelled; resume with <c>WaitForCompletionAsync(TaskId)</c>.</summary>
    public string? TaskId { get; }

    /// <summary>The <c>Idempotency-Key</c> of the create, if the call was (or included) one; repeat the create with it to reach the same task.</summary>
    public string? IdempotencyKey { get; }

    // A create-and-wait catches the poll's (or the create's) own RivyaOperationCanceledException and adds its handles;
    // nesting it would make InnerException a copy of this exception with the same message.
    private static Exception? Original(Exception? innerException) =>
        innerException is RivyaOperationCanceledException inner ? inner.InnerException : innerException;

    // The task id came from a server: escaped here, at the sink, like every RivyaException message.
    private static string BuildMessage(string? taskId, string? idempotencyKey) => SecretScrubber.EscapeControls(
        (taskId, idempotencyKey) switch
        {
            ({ } id, _) => $"The call was cancelled by its CancellationToken. Task {id} goes on server-side: resume with WaitForCompletionAsync(\"{id}\").",
            (null, { } key) => $"The call was cancelled by its CancellationToken. The server may have made the task: repeat the create with Idempotency-Key '{key}' to reach it without a second charge.",
            _ => "The call was cancelled by its CancellationToken.",
        })!;
}
