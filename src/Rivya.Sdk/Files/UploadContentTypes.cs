using System;
using System.IO;

namespace Rivya.Sdk;

/// <summary>
/// What a file's extension implies, and which declared types agree with what its bytes show. Types that share a
/// container agree: <c>audio/x-wav</c> with <c>audio/wav</c>, <c>audio/mp4</c> with an MP4 (<c>ftyp</c>) file.
/// </summary>
internal static class UploadContentTypes
{
    private static readonly (string Extension, string MimeType)[] Extensions =
    [
        (".png", MimeTypes.Png),
        (".jpg", MimeTypes.Jpeg),
        (".jpeg", MimeTypes.Jpeg),
        (".webp", MimeTypes.WebP),
        (".mp4", "video/mp4"),
        (".mov", "video/quicktime"),
        (".webm", "video/webm"),
        (".mp3", "audio/mpeg"),
        (".m4a", "audio/mp4"),
        (".wav", "audio/wav"),
        (".ogg", "audio/ogg"),
        (".aac", "audio/aac"),
    ];

    // The MIME types the signature sniffer can confirm, grouped by the container they name.
    private static readonly string[][] Families =
    [
        [MimeTypes.Png],
        [MimeTypes.Jpeg, "image/jpg", "image/pjpeg"],
        [MimeTypes.WebP],
        ["video/mp4", "video/quicktime", "audio/mp4", "audio/m4a", "audio/x-m4a"],
        ["video/webm", "audio/webm"],
        ["audio/mpeg", "audio/mp3"],
        ["audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"],
        ["audio/ogg", "video/ogg", "application/ogg"],
        ["audio/aac", "audio/x-aac"],
    ];

    /// <summary>The type <paramref name="fileName"/>'s extension implies (case-insensitive), or null.</summary>
    public static string? FromExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        foreach (var (known, mimeType) in Extensions)
        {
            if (string.Equals(extension, known, StringComparison.OrdinalIgnoreCase))
            {
                return mimeType;
            }
        }

        return null;
    }

    /// <summary>Whether the signature sniffer can confirm or refute <paramref name="mimeType"/>.</summary>
    public static bool IsVerifiable(string mimeType) => FamilyOf(mimeType) is not null;

    /// <summary>Whether a file declared as <paramref name="declared"/> may have bytes detected as <paramref name="detected"/>.</summary>
    public static bool Agree(string declared, string detected)
    {
        var declaredFamily = FamilyOf(declared);
        return declaredFamily is not null && declaredFamily == FamilyOf(detected);
    }

    /// <summary>
    /// The type to send for bytes detected as <paramref name="detected"/> uploaded as <paramref name="kind"/>: an MP4
    /// container uploaded as audio is <c>audio/mp4</c> (an M4A file need not carry the <c>M4A</c> brand).
    /// </summary>
    public static string ForKind(string detected, MediaKind kind) =>
        kind == MediaKind.Audio && string.Equals(detected, "video/mp4", StringComparison.Ordinal) ? "audio/mp4" : detected;

    private static string[]? FamilyOf(string mimeType)
    {
        foreach (var family in Families)
        {
            if (MimeTypes.IsOneOf(mimeType, family))
            {
                return family;
            }
        }

        return null;
    }
}
