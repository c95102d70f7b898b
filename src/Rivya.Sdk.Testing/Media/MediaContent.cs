using System;
using System.Globalization;
using System.Threading;

namespace Rivya.Sdk.Testing.Media;

/// <summary>The bytes every succeeded task's result URL serves, with the strong <c>ETag</c> of their version.</summary>
internal sealed class MediaContent
{
    // An ISO-BMFF 'ftyp' box: enough for a signature check to read video/mp4; not a playable video.
    public static readonly byte[] TinyMp4 =
    [
        0x00, 0x00, 0x00, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m',
        0x00, 0x00, 0x02, 0x00, (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1',
    ];

    private static int _versions;

    private MediaContent(byte[] bytes)
    {
        Bytes = bytes;
        ETag = "\"v" + Interlocked.Increment(ref _versions).ToString(CultureInfo.InvariantCulture) + "-" + bytes.Length.ToString(CultureInfo.InvariantCulture) + "\"";
    }

    public byte[] Bytes { get; }

    public string ETag { get; }

    public static MediaContent Of(byte[] bytes) => new(bytes ?? throw new ArgumentNullException(nameof(bytes)));

    /// <summary>
    /// These bytes followed by an ISO-BMFF <c>free</c> box holding <paramref name="tag"/> (UTF-8), so each task's result
    /// differs while it still reads as MP4 (a <c>free</c> box is skipped by any reader), with its own <c>ETag</c>.
    /// </summary>
    public MediaContent Tagged(string tag)
    {
        var text = System.Text.Encoding.UTF8.GetBytes(tag);
        var box = new byte[Bytes.Length + 8 + text.Length];
        Bytes.CopyTo(box, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(box.AsSpan(Bytes.Length), 8 + text.Length);
        "free"u8.CopyTo(box.AsSpan(Bytes.Length + 4));
        text.CopyTo(box, Bytes.Length + 8);
        return new MediaContent(box) { Source = this };
    }

    /// <summary>The content this one was tagged from, if it was.</summary>
    public MediaContent? Source { get; private init; }
}
