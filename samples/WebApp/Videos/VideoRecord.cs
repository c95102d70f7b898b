namespace Rivya.Samples.WebApp.Videos;

/// <summary>A generation's error as <c>GET /videos/{id}</c> shows it: Rivya's code and message (the SDK scrubs both).</summary>
internal sealed record VideoError(string Code, string Message);

/// <summary>
/// One video as every web process sees it: read from the shared Hangfire storage, so it does not matter which process
/// accepted the video or which worker ran its steps.
/// </summary>
internal sealed record VideoRecord(string Id, string Status, string? TaskId, VideoError? Error, string? File)
{
    /// <summary>The idempotency key of the create, fixed when the video was queued (kept for recovery; not shown).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The SHA-256 of the body it was accepted with, to recognise a repeat under a client's Idempotency-Key.</summary>
    public string? BodyFingerprint { get; init; }
}
