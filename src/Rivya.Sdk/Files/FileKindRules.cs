using System;
using System.Collections.Generic;

namespace Rivya.Sdk;

/// <summary>
/// The Files API's default limits per kind of file. A target model may be stricter (see
/// <see cref="ModelDefinition.References"/>); the SDK checks both before uploading. Internal: shared with
/// <c>Rivya.Sdk.Testing</c> through InternalsVisibleTo, not public API.
/// </summary>
internal sealed class FileKindRules(MediaKind kind, long maxSizeBytes, params string[] mimeTypes)
{
    private const long Megabyte = 1024 * 1024;

    private readonly string[] _mimeTypes = mimeTypes;

    public static FileKindRules Image { get; } = new(MediaKind.Image, 10 * Megabyte, Sdk.MimeTypes.Jpeg, Sdk.MimeTypes.Png, Sdk.MimeTypes.WebP);

    public static FileKindRules Video { get; } = new(MediaKind.Video, 50 * Megabyte, "video/mp4", "video/quicktime", "video/webm");

    public static FileKindRules Audio { get; } = new(MediaKind.Audio, 10 * Megabyte, "audio/mpeg", "audio/mp4", "audio/wav", "audio/x-wav", "audio/aac", "audio/ogg");

    public MediaKind Kind { get; } = kind;

    /// <summary>The largest file accepted, in bytes (MB read as MiB).</summary>
    public long MaxSizeBytes { get; } = maxSizeBytes;

    public IReadOnlyList<string> MimeTypes { get; } = Array.AsReadOnly(mimeTypes);

    /// <summary>The limits of <paramref name="kind"/>, or null for a kind the Files API does not document.</summary>
    public static FileKindRules? For(MediaKind kind) =>
        kind == MediaKind.Image ? Image
        : kind == MediaKind.Video ? Video
        : kind == MediaKind.Audio ? Audio
        : null;

    /// <summary>Whether <paramref name="mimeType"/> is accepted for this kind (case-insensitive, parameters ignored).</summary>
    public bool IsAllowedMimeType(string mimeType) => Sdk.MimeTypes.IsOneOf(mimeType, _mimeTypes);
}
