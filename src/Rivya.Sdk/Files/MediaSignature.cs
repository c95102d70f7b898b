using System;

namespace Rivya.Sdk;

/// <summary>
/// Detects a file's MIME type from its first bytes (its signature, or "magic bytes"), as Rivya's Files API does:
/// the server trusts the bytes, not the extension, so the SDK checks them too before uploading. Internal: shared with
/// <c>Rivya.Sdk.Testing</c> through InternalsVisibleTo, not public API.
/// </summary>
internal static class MediaSignature
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs to recognise every supported type.</summary>
    public const int HeaderLength = 12;

    /// <summary>The MIME type the bytes start with; null when none matches.</summary>
    /// <param name="header">The file's first bytes; <see cref="HeaderLength"/> are enough, fewer may still match.</param>
    public static string? Detect(ReadOnlySpan<byte> header) =>
        StartsWith(header, 0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? MimeTypes.Png
        : StartsWith(header, 0, [0xFF, 0xD8, 0xFF]) ? MimeTypes.Jpeg
        : StartsWith(header, 0, "RIFF"u8) ? RiffType(header)
        : StartsWith(header, 4, "ftyp"u8) ? IsoMediaType(header)
        : StartsWith(header, 0, [0x1A, 0x45, 0xDF, 0xA3]) ? "video/webm"
        : StartsWith(header, 0, "OggS"u8) ? "audio/ogg"
        : StartsWith(header, 0, "ID3"u8) ? "audio/mpeg"
        : header.Length >= 2 && header[0] == 0xFF ? FrameSyncType(header[1])
        : null;

    private static string? RiffType(ReadOnlySpan<byte> header) =>
        StartsWith(header, 8, "WEBP"u8) ? MimeTypes.WebP
        : StartsWith(header, 8, "WAVE"u8) ? "audio/wav"
        : null;

    private static string? IsoMediaType(ReadOnlySpan<byte> header) =>
        StartsWith(header, 8, "qt  "u8) ? "video/quicktime"
        : StartsWith(header, 8, "M4A"u8) ? "audio/mp4"
        : IsStillImageBrand(header) ? null
        : "video/mp4";

    // ADTS (AAC) has layer bits 00; MPEG audio frames (MP3) have a non-zero layer.
    private static string? FrameSyncType(byte second) =>
        (second & 0xF6) == 0xF0 ? "audio/aac"
        : (second & 0xE0) == 0xE0 && (second & 0x06) != 0 ? "audio/mpeg"
        : null;

    // AVIF and HEIF/HEIC images share the ISO-BMFF "ftyp" box with MP4; calling them video/mp4 would upload an
    // image as a video. None is an accepted type, so they are simply not recognised.
    private static bool IsStillImageBrand(ReadOnlySpan<byte> header) =>
        StartsWith(header, 8, "avi"u8)
        || StartsWith(header, 8, "hei"u8)
        || StartsWith(header, 8, "hev"u8)
        || StartsWith(header, 8, "mif1"u8)
        || StartsWith(header, 8, "msf1"u8);

    // A span, not params byte[]: constant bytes (a collection expression or a u8 literal) are static data, so a check
    // allocates nothing (the arrays were ~1.2 KB of an upload's allocations, bench/README.md "Upload").
    private static bool StartsWith(ReadOnlySpan<byte> data, int offset, ReadOnlySpan<byte> signature) =>
        data.Length >= offset + signature.Length && data.Slice(offset, signature.Length).SequenceEqual(signature);
}
