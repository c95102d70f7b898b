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
}
