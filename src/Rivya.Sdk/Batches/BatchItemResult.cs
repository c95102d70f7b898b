namespace Rivya.Sdk;

/// <summary>
/// The outcome of one item of <c>CreateAndWaitManyAsync</c>, yielded when the item finishes (in completion order, not
/// input order).
/// </summary>
public sealed record BatchItemResult
{
    internal BatchItemResult(int index, GenerationRequest request, string idempotencyKey, Generation? generation, RivyaException? error)
    {
        Index = index;
        Request = request;
        IdempotencyKey = idempotencyKey;
        Generation = generation;
        Error = error;
    }

    /// <summary>The item's position in the input sequence, from 0.</summary>
    public int Index { get; }

    /// <summary>The item's request.</summary>
    public GenerationRequest Request { get; }

    /// <summary>
    /// The <c>Idempotency-Key</c> the item's create was sent with: the same on every run of the same batch. Empty when
    /// the item failed before it had one (<see cref="Error"/> is then a <see cref="RivyaValidationException"/> and
    /// nothing was sent).
    /// </summary>
    public string IdempotencyKey { get; }

    /// <summary>
    /// The task: the succeeded one when <see cref="Error"/> is null, else the last state seen (null when the create got
    /// no answer).
    /// </summary>
    public Generation? Generation { get; }

    /// <summary>
    /// Why the item did not succeed, or null when it did: a <see cref="RivyaGenerationFailedException"/>,
    /// <see cref="RivyaWaitTimeoutException"/>, <see cref="RivyaValidationException"/> (nothing was sent),
    /// <see cref="RivyaApiException"/>, <see cref="RivyaConnectionException"/>, or
    /// <see cref="RivyaBatchCanceledException"/>. Its <see cref="RivyaException.TaskId"/> (once known) and
    /// <see cref="RivyaException.IdempotencyKey"/> are set.
    /// </summary>
    public RivyaException? Error { get; }

    /// <summary>True when the task succeeded (<see cref="Error"/> is null).</summary>
    public bool Succeeded => Error is null;
}
