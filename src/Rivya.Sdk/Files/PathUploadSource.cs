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

    public override async Task<UploadBody> ProbeAsync(CancellationToken cancellationToken)
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

    // No FileStream buffer (bufferSize 1): the upload copies through one pooled buffer of its own, so memory stays the
    // same whatever the file's size.
    private FileStream Open() =>
        new(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
