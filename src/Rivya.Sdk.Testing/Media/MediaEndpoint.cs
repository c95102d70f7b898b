using System;
using Rivya.Sdk.Testing.Files;
using Rivya.Sdk.Testing.Generations;
using Rivya.Sdk.Testing.Http;

namespace Rivya.Sdk.Testing.Media;

/// <summary>
/// <c>GET /media/{name}</c>: the fake's media URLs answer, so code that downloads a result or a reference works too.
/// A succeeded task's <c>{taskId}.mp4</c> answers a tiny MP4 header; an uploaded file's id answers its bytes.
/// </summary>
internal sealed class MediaEndpoint
{
    public const string PathPrefix = "/media/";

    // An ISO-BMFF 'ftyp' box: enough for a signature check to read video/mp4; not a playable video.
    private static readonly byte[] FakeVideo =
    [
        0x00, 0x00, 0x00, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m',
        0x00, 0x00, 0x02, 0x00, (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1',
    ];

    private readonly GenerationStore _generations;
    private readonly FileStore _files;

    public MediaEndpoint(GenerationStore generations, FileStore files)
    {
        _generations = generations;
        _files = files;
    }

    public static string TaskResultPath(string taskId) => PathPrefix + taskId + ".mp4";

    public static string FilePath(string fileId) => PathPrefix + fileId;

    public FakeResponse Get(string name)
    {
        if (name.EndsWith(".mp4", StringComparison.Ordinal) && _generations.HasSucceeded(name.Substring(0, name.Length - 4)))
        {
            return new FakeResponse(200, FakeVideo, "video/mp4");
        }

        if (_files.Find(name) is { } file)
        {
            return new FakeResponse(200, file.Content, file.MimeType);
        }

        return ErrorResponses.NotFound($"No media '{name}'.");
    }
}
