using System;
using System.Linq;

namespace Rivya.Sdk.Tests.FakeServer;

/// <summary>Small files whose first bytes carry a real signature (only the signature matters to the checks).</summary>
internal static class MediaBytes
{
    public static byte[] Png(int size = 64) => Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], size);

    public static byte[] Jpeg(int size = 64) => Pad([0xFF, 0xD8, 0xFF, 0xE0], size);

    public static byte[] Mp4(int size = 64) => Pad([0x00, 0x00, 0x00, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'], size);

    public static byte[] Text(int size = 64) => Pad("This is plain text, not an image."u8.ToArray(), size);

    private static byte[] Pad(byte[] header, int size)
    {
        var bytes = new byte[Math.Max(size, header.Length)];
        header.CopyTo(bytes, 0);
        for (var i = header.Length; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i % 251);
        }

        return bytes;
    }

    public static bool SameAs(this byte[] a, byte[] b) => a.SequenceEqual(b);
}
