using System;
using System.Linq;
using System.Text;

namespace Rivya.Sdk.Tests.Files;

/// <summary>Small files whose first bytes carry real signatures, padded with deterministic noise.</summary>
internal static class SampleMedia
{
    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

    public static byte[] Png(int size = 4096) => WithNoise(PngSignature, size, seed: 1);

    public static byte[] Jpeg(int size = 4096) => WithNoise([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01], size, seed: 2);

    public static byte[] Mp4(int size = 4096) => WithNoise([0x00, 0x00, 0x00, 0x18, .. "ftypisom"u8], size, seed: 3);

    public static byte[] Wav(int size = 4096) => WithNoise([.. "RIFF"u8, 0x24, 0x08, 0x00, 0x00, .. "WAVE"u8], size, seed: 4);

    public static byte[] Text(int size = 4096) => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("plain text, not an image. ", (size / 26) + 1))).AsSpan(0, size).ToArray();

    private static byte[] WithNoise(byte[] signature, int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        signature.CopyTo(bytes, 0);
        return bytes;
    }
}
