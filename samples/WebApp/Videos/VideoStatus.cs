namespace Rivya.Samples.WebApp.Videos;

/// <summary>What <c>GET /videos/{id}</c> reports, in the order a video goes through them.</summary>
internal static class VideoStatus
{
    /// <summary>Accepted and enqueued; no worker has started it.</summary>
    public const string Queued = "queued";

    /// <summary>A worker is creating the Rivya task (with the idempotency key fixed when the video was queued).</summary>
    public const string Creating = "creating";

    /// <summary>The task exists (its id is known) and Rivya is generating it; polls are scheduled.</summary>
    public const string Generating = "generating";

    /// <summary>Rivya finished it; a worker is downloading the file into <c>Videos:Path</c>.</summary>
    public const string Downloading = "downloading";

    /// <summary>The file is in <c>Videos:Path</c>; <c>GET /videos/{id}/file</c> serves it.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Rivya refused or failed the generation, or a step ran out of retries; <c>error</c> says why.</summary>
    public const string Failed = "failed";

    /// <summary>
    /// A status only moves forward: a step that runs twice (Hangfire runs a job at least once) never takes a video
    /// back from <c>downloading</c> to <c>generating</c>. <c>failed</c> and <c>succeeded</c> are final.
    /// </summary>
    public static bool CanMove(string? from, string to) => from is null || (!IsFinal(from) && Rank(to) >= Rank(from));

    public static bool IsFinal(string? status) => status is Succeeded or Failed;

    private static int Rank(string status) => status switch
    {
        Queued => 0,
        Creating => 1,
        Generating => 2,
        Downloading => 3,
        _ => 4,
    };
}
