using Microsoft.Extensions.Options;
using Rivya.Samples.WebApp.Hosting;

namespace Rivya.Samples.WebApp.Videos;

/// <summary>Where a video's file lives: <c>{Videos:Path}/{id}.mp4</c>. Ids are checked before they reach a path.</summary>
internal sealed class VideoFiles(IOptions<VideosOptions> options)
{
    public string Folder { get; } = Path.GetFullPath(options.Value.Path ?? Path.Combine(AppContext.BaseDirectory, "videos"));

    /// <summary>An id this app made: 32 lowercase hex digits (a GUID), so it can never name another path.</summary>
    public static bool IsVideoId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    public static string NewId() => Guid.NewGuid().ToString("N");

    public string PathOf(string videoId) =>
        IsVideoId(videoId) ? Path.Combine(Folder, videoId + ".mp4") : throw new ArgumentException("Not a video id.", nameof(videoId));
}
