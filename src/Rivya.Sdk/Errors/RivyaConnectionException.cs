using System;

namespace Rivya.Sdk;

/// <summary>
/// No answer came back: the connection failed or every attempt timed out, and retries ran out. The inner exception
/// says what failed. For a create, the task may exist server-side: repeat the create with
/// <see cref="RivyaException.IdempotencyKey"/> to reach it without a second charge.
/// </summary>
public sealed class RivyaConnectionException : RivyaException
{
    /// <summary>Creates the exception.</summary>
    public RivyaConnectionException(string message, string? idempotencyKey = null, Exception? innerException = null)
        : base(message, taskId: null, idempotencyKey, innerException)
    {
    }
}
