namespace Rivya.Sdk.Batches;

/// <summary>The options of every poll of a batch: the client's retries off, so a 429 reaches the batch's gate.</summary>
internal static class BatchPolls
{
    public static readonly RequestOptions Options = new() { MaxRetries = 0 };
}
