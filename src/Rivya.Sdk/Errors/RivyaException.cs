using System;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>
/// The base of every exception the SDK throws on purpose. Messages never contain the API key.
/// </summary>
/// <remarks>
/// A failed create or wait never loses a paid task: catch <see cref="RivyaException"/> and persist
/// <see cref="TaskId"/> (resume with <c>WaitForCompletionAsync(TaskId)</c>) or, when no task id is known yet,
/// <see cref="IdempotencyKey"/> (repeat the create with it to reach the same task without a second charge).
/// </remarks>
public abstract class RivyaException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected RivyaException(string message, Exception? innerException = null)
        : base(SecretScrubber.EscapeControls(message), innerException)
    {
    }

    /// <summary>
    /// For a message whose parts were escaped one by one because it has line breaks of its own (the list of
    /// <see cref="RivyaValidationException"/>): every other message is escaped whole, here, at the sink.
    /// </summary>
    private protected RivyaException(string escapedMessage, bool lineBreaksAreOwn)
        : base(lineBreaksAreOwn ? escapedMessage : SecretScrubber.EscapeControls(escapedMessage))
    {
    }

    /// <summary>Creates the exception with the handles of the task it concerns.</summary>
    protected RivyaException(string message, string? taskId, string? idempotencyKey, Exception? innerException = null)
        : base(SecretScrubber.EscapeControls(message), innerException)
    {
        TaskId = taskId;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>
    /// The id of the task this failure concerns, once the server has made one (null before that, and for calls that
    /// are not about a task). Resume with <c>WaitForCompletionAsync(TaskId)</c>.
    /// </summary>
    public string? TaskId { get; private set; }

    /// <summary>
    /// The <c>Idempotency-Key</c> the create (or upload) was sent with, or null for calls that carry none. Repeating the
    /// create with this key reaches the same task if the server did the work, without a second charge.
    /// </summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>Fills in handles that were not known where the exception was made; a handle already set is kept.</summary>
    internal RivyaException WithHandles(string? taskId, string? idempotencyKey)
    {
        TaskId ??= taskId;
        IdempotencyKey ??= idempotencyKey;
        return this;
    }
}
