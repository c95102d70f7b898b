namespace Rivya.Samples.WebApp.Hosting;

/// <summary>The <c>Videos</c> configuration section.</summary>
internal sealed class VideosOptions
{
    /// <summary>
    /// Where finished videos go (<c>{id}.mp4</c>). Default: a <c>videos</c> folder beside the app. Every process of a
    /// fleet must see the same folder (a shared volume): any web process serves any file.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// A fixed time between polls of a task. Default: unset, so the SDK's wait schedule applies (first poll after
    /// 2.5 s, then 5 s growing to 15 s), or half a second against the in-process fake.
    /// </summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>How long polls go on before the video is marked failed (<c>wait_timeout</c>; the task is not cancelled). Default 2 hours.</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromHours(2);
}
