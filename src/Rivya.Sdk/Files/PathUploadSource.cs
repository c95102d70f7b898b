using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk;

/// <summary>A file on disk, opened afresh for the checks and for every attempt, and streamed.</summary>
internal sealed class PathUploadSource : UploadSource
{
    private readonly string _path;

    public PathUploadSource(string fullPath) => _path = fullPath;

#if NET8_0_OR_GREATER
    // A handle and one positional read, not a FileStream and an async read: the probe reads a few bytes that the send reads
    // again moments later, and the stream, its thread-pool read and two state machines were ~0.7 KB of every upload's
    // allocations (bench/README.md, "Upload").
    public override ValueTask<UploadBody> ProbeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var handle = File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        var header = new byte[MediaSignature.HeaderLength];
        var filled = 0;
        int read;
        while (filled < header.Length && (read = RandomAccess.Read(handle, header.AsSpan(filled), filled)) > 0)
        {
            filled += read;
        }

        return new ValueTask<UploadBody>(new UploadBody(header.AsMemory(0, filled), length, prefix: default, Open, ownsRest: true, canResend: true));
    }
#else
    public override async ValueTask<UploadBody> ProbeAsync(CancellationToken cancellationToken)
    {
        long length;
        ReadOnlyMemory<byte> header;
        using (var stream = Open())
        {
            length = stream.Length;
            header = await ReadHeaderAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        return new UploadBody(header, length, prefix: default, Open, ownsRest: true, canResend: true);
    }
#endif

    // No FileStream buffer (bufferSize 1): the upload copies through one pooled buffer of its own, so memory stays the
    // same whatever the file's size.
    private FileStream Open() =>
        new(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
