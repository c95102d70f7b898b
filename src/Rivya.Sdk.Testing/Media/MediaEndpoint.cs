using System;
using Rivya.Sdk.Testing.Files;
using Rivya.Sdk.Testing.Generations;
using Rivya.Sdk.Testing.Http;

namespace Rivya.Sdk.Testing.Media;

/// <summary>
/// <c>GET /media/{name}</c>: the fake's media URLs answer, so code that downloads a result or a reference works too.
/// A succeeded task's <c>{taskId}.mp4</c> answers a tiny MP4 header (<see cref="MediaContent.TinyMp4"/>, whatever
/// <c>SetResultMedia</c> set: that is the result host's); an uploaded file's id answers its bytes.
/// </summary>
internal sealed class MediaEndpoint
{
    public const string PathPrefix = "/media/";

    private readonly GenerationStore _generations;
    private readonly FileStore _files;

    public MediaEndpoint(GenerationStore generations, FileStore files)
    {
        _generations = generations;
        _files = files;
    }

    public static string FilePath(string fileId) => PathPrefix + fileId;

    public FakeResponse Get(string name)
    {
        if (name.EndsWith(".mp4", StringComparison.Ordinal) && _generations.HasSucceeded(name.Substring(0, name.Length - 4)))
        {
            return new FakeResponse(200, MediaContent.TinyMp4, "video/mp4");
        }

        if (_files.Find(name) is { } file)
        {
            return new FakeResponse(200, file.Content, file.MimeType);
        }

        return ErrorResponses.NotFound($"No media '{name}'.");
    }
}
