using System;
using System.Text;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

/// <summary>The magic-byte sniffer: each supported signature, and nothing for anything else.</summary>
public class MediaSignatureTests
{
    [Theory]
    [InlineData("PNG", "89 50 4E 47 0D 0A 1A 0A 00 00 00 0D", "image/png")]
    [InlineData("JPEG JFIF", "FF D8 FF E0 00 10 4A 46 49 46 00 01", "image/jpeg")]
    [InlineData("JPEG Exif", "FF D8 FF E1 1F FE 45 78 69 66 00 00", "image/jpeg")]
    [InlineData("WebP", "'RIFF' 24 1A 00 00 'WEBP' 'VP8 '", "image/webp")]
    [InlineData("WAV", "'RIFF' 24 08 00 00 'WAVE' 'fmt '", "audio/wav")]
    [InlineData("MP4 isom", "00 00 00 20 'ftyp' 'isom' 00 00 02 00", "video/mp4")]
    [InlineData("MP4 mp42", "00 00 00 18 'ftyp' 'mp42'", "video/mp4")]
    [InlineData("MP4 avc1", "00 00 00 18 'ftyp' 'avc1' 00 00 00 00", "video/mp4")]
    [InlineData("MP4 M4V", "00 00 00 18 'ftyp' 'M4V ' 00 00 00 00", "video/mp4")]
    [InlineData("QuickTime", "00 00 00 14 'ftyp' 'qt  ' 20 05 03 00", "video/quicktime")]
    [InlineData("M4A", "00 00 00 20 'ftyp' 'M4A ' 00 00 00 00", "audio/mp4")]
    [InlineData("WebM", "1A 45 DF A3 9F 42 86 81 01 42 F7 81", "video/webm")]
    [InlineData("OGG", "'OggS' 00 02 00 00 00 00 00 00 00 00", "audio/ogg")]
    [InlineData("MP3 with ID3 tag", "'ID3' 04 00 00 00 00 00 23 54 53", "audio/mpeg")]
    [InlineData("MP3 frame, MPEG-1 layer III", "FF FB 90 64 00 00 00 00 00 00 00 00", "audio/mpeg")]
    [InlineData("MP3 frame, MPEG-2 layer III", "FF F3 90 64", "audio/mpeg")]
    [InlineData("MP3 frame, MPEG-2.5 layer III", "FF E3 18 C4", "audio/mpeg")]
    [InlineData("AAC ADTS, MPEG-4", "FF F1 50 80 02 1F FC", "audio/aac")]
    [InlineData("AAC ADTS, MPEG-2", "FF F9 50 80 02 1F FC", "audio/aac")]
    public void A_supported_signature_is_detected(string name, string header, string mimeType)
    {
        MediaSignature.Detect(Bytes(header)).Should().Be(mimeType, name);
    }

    [Fact]
    public void Header_length_is_enough_for_every_supported_signature()
    {
        MediaSignature.HeaderLength.Should().Be(12, "RIFF and ftyp brands end at byte 12");
        MediaSignature.Detect(Bytes("'RIFF' 00 00 00 00 'WEBP'")).Should().Be("image/webp");
    }

    [Theory]
    [InlineData("empty", "")]
    [InlineData("one byte of a frame sync", "FF")]
    [InlineData("PNG cut short", "89 50 4E 47 0D 0A")]
    [InlineData("JPEG cut short", "FF D8")]
    [InlineData("RIFF without its form type", "'RIFF' 24 1A 00 00")]
    [InlineData("RIFF with a cut form type", "'RIFF' 24 1A 00 00 'WEB'")]
    [InlineData("ftyp cut short", "00 00 00 20 'fty'")]
    [InlineData("ID3 cut short", "'ID'")]
    public void Too_short_input_is_not_detected(string name, string header)
    {
        MediaSignature.Detect(Bytes(header)).Should().BeNull(name);
    }

    [Theory]
    [InlineData("GIF", "'GIF89a' 01 00 01 00 80 00")]
    [InlineData("BMP", "'BM' 36 00 0C 00 00 00 00 00 36 00")]
    [InlineData("AVI (RIFF, not WebP or WAV)", "'RIFF' 24 1A 00 00 'AVI ' 'LIST'")]
    [InlineData("PDF", "'%PDF-1.7' 0A 25 E2 E3")]
    [InlineData("ZIP", "50 4B 03 04 14 00 00 00 08 00 00 00")]
    [InlineData("plain text", "'hello, world'")]
    [InlineData("zeros", "00 00 00 00 00 00 00 00 00 00 00 00")]
    [InlineData("frame sync with reserved layer", "FF E0 00 00")]
    [InlineData("AVIF image (ISO-BMFF, not a video)", "00 00 00 1C 'ftyp' 'avif' 00 00 00 00")]
    [InlineData("HEIC image (ISO-BMFF, not a video)", "00 00 00 18 'ftyp' 'heic' 00 00 00 00")]
    [InlineData("HEIF image, mif1 brand", "00 00 00 18 'ftyp' 'mif1' 00 00 00 00")]
    [InlineData("HEVC image sequence", "00 00 00 18 'ftyp' 'hevc' 00 00 00 00")]
    [InlineData("AVIF image sequence", "00 00 00 18 'ftyp' 'avis' 00 00 00 00")]
    [InlineData("arbitrary bytes", "3C 9A 11 F0 07 D2 6B 8E 55 A4 19 C3")]
    [InlineData("arbitrary bytes 2", "7E 01 FF 00 D8 FF 89 50 'ftyp'")]
    public void Other_bytes_are_not_detected(string name, string header)
    {
        MediaSignature.Detect(Bytes(header)).Should().BeNull(name);
    }

    /// <summary>"89 50 'ftyp'": hex bytes, and ASCII text between single quotes.</summary>
    private static byte[] Bytes(string spec)
    {
        var bytes = new System.Collections.Generic.List<byte>();
        var i = 0;
        while (i < spec.Length)
        {
            if (spec[i] == ' ')
            {
                i++;
            }
            else if (spec[i] == '\'')
            {
                var end = spec.IndexOf('\'', i + 1);
                bytes.AddRange(Encoding.ASCII.GetBytes(spec.Substring(i + 1, end - i - 1)));
                i = end + 1;
            }
            else
            {
                bytes.Add(Convert.ToByte(spec.Substring(i, 2), 16));
                i += 2;
            }
        }

        return bytes.ToArray();
    }
}
