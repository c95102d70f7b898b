using System.Text.Json;
using Rivya.Sdk.Testing.Json;

namespace Rivya.Sdk.Testing.Files;

/// <summary>
/// The <c>PublicApiFile</c> object: <c>id</c>, <c>url</c>, <c>kind</c>, <c>mime_type</c>, <c>name</c>,
/// <c>size_bytes</c>, <c>created_at</c>, and <c>duration_token</c> for video and audio.
/// </summary>
internal static class FileJsonWriter
{
    public static byte[] Write(StoredFile file) => JsonWriting.Write(file, WriteFile);

    private static void WriteFile(Utf8JsonWriter writer, StoredFile file)
    {
        writer.WriteStartObject();
        writer.WriteString("id", file.Id);
        writer.WriteString("url", file.Url);
        writer.WriteString("kind", file.Kind.ToString());
        writer.WriteString("mime_type", file.MimeType);
        writer.WriteString("name", file.Name);
        writer.WriteNumber("size_bytes", file.Content.LongLength);
        if (file.DurationToken is { } token)
        {
            writer.WriteString("duration_token", token);
        }

        writer.WriteTimestamp("created_at", file.CreatedAt);
        writer.WriteEndObject();
    }
}
