using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk;

/// <summary>
/// Where an upload's bytes come from: a file on disk (opened afresh for the checks and for every attempt), a caller's
/// stream (never disposed by the SDK), or bytes in memory (sent as they are on every attempt, without a copy).
/// </summary>
internal sealed class UploadSource
{
    public UploadSource(string fullPath) => Path = fullPath;

    public UploadSource(Stream stream) => Stream = stream;

    public UploadSource(ReadOnlyMemory<byte> bytes) => Bytes = bytes;

    // The source is Path when set, else Stream when set, else Bytes.
    public string? Path { get; }

    public Stream? Stream { get; }

    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>
    /// Reads what the checks need, once per upload call: up to <see cref="MediaSignature.HeaderLength"/> leading bytes
    /// (fewer only for a shorter file), the length (null for a non-seekable stream, whose size shows only at its end)
    /// and a seekable stream's position, to which it is put back.
    /// </summary>
    public async ValueTask<(ReadOnlyMemory<byte> Header, long? Length, long Start)> ProbeAsync(CancellationToken cancellationToken)
    {
        if (Path is null && Stream is null)
        {
            return (Bytes.Slice(0, Math.Min(Bytes.Length, MediaSignature.HeaderLength)), Bytes.Length, 0);
        }

        var header = new byte[MediaSignature.HeaderLength];
        var filled = 0;
        int read;
#if NET8_0_OR_GREATER
        if (Path is not null)
        {
            // A handle and one positional read, not a FileStream and an async read: the probe reads a few bytes that the
            // send reads again moments later, and the stream, its thread-pool read and two state machines were ~0.7 KB
            // of every upload's allocations (bench/README.md, "Upload").
            cancellationToken.ThrowIfCancellationRequested();
            using var handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.Read);
            while (filled < header.Length && (read = RandomAccess.Read(handle, header.AsSpan(filled), filled)) > 0)
            {
                filled += read;
            }

            return (header.AsMemory(0, filled), RandomAccess.GetLength(handle), 0);
        }
#endif

        using var file = Path is null ? null : Open(Path);
        var stream = file ?? Stream!;
        var seekable = stream.CanSeek;
        var start = seekable ? stream.Position : 0;
        long? length = seekable ? Math.Max(0, stream.Length - start) : null;
        while (filled < header.Length)
        {
#if NET8_0_OR_GREATER
            read = await stream.ReadAsync(header.AsMemory(filled), cancellationToken).ConfigureAwait(false);
#else
            read = await stream.ReadAsync(header, filled, header.Length - filled, cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        if (seekable)
        {
            stream.Position = start;
        }

        return (header.AsMemory(0, filled), length, start);
    }

    // No FileStream buffer (bufferSize 1): the upload copies through one pooled buffer of its own, so memory stays the
    // same whatever the file's size.
    public static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
