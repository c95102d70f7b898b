using System;
using System.IO;

namespace Rivya.Sdk;

/// <summary>
/// One upload call's view of its file: the first bytes (for the type checks), the length when known, and how an
/// attempt reads the whole file: <see cref="Prefix"/> first, then what <see cref="OpenRest"/> returns.
/// </summary>
internal sealed class UploadBody
{
    public UploadBody(ReadOnlyMemory<byte> header, long? length, ReadOnlyMemory<byte> prefix, Func<Stream>? openRest, bool ownsRest, bool canResend)
    {
        Header = header;
        Length = length;
        Prefix = prefix;
        OpenRest = openRest;
        OwnsRest = ownsRest;
        CanResend = canResend;
    }

    /// <summary>Up to <see cref="MediaSignature.HeaderLength"/> leading bytes; empty for an empty file.</summary>
    public ReadOnlyMemory<byte> Header { get; }

    /// <summary>The file's size in bytes; null for a non-seekable stream, whose size is known only at its end.</summary>
    public long? Length { get; }

    /// <summary>Bytes sent before <see cref="OpenRest"/>'s: the whole file from memory, or a non-seekable stream's header.</summary>
    public ReadOnlyMemory<byte> Prefix { get; }

    /// <summary>Opens (or rewinds) the rest of the file for one attempt; null when <see cref="Prefix"/> is everything.</summary>
    public Func<Stream>? OpenRest { get; }

    /// <summary>True when the stream <see cref="OpenRest"/> returns is the SDK's to dispose (a file it opened).</summary>
    public bool OwnsRest { get; }

    /// <summary>False for a non-seekable stream: its bytes can be read once, so the upload is never retried.</summary>
    public bool CanResend { get; }
}
