using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk;

/// <summary>
/// A caller's stream, never disposed by the SDK. Seekable: measured, and rewound to its starting position for every
/// attempt. Non-seekable: its header is read once and sent before the rest, and the upload is never retried.
/// </summary>
internal sealed class StreamUploadSource : UploadSource
{
    private readonly Stream _stream;

    public StreamUploadSource(Stream stream) => _stream = stream;

    public override async ValueTask<UploadBody> ProbeAsync(CancellationToken cancellationToken)
    {
        var stream = _stream;
        if (stream.CanSeek)
        {
            var start = stream.Position;
            var length = Math.Max(0, stream.Length - start);
            var header = await ReadHeaderAsync(stream, cancellationToken).ConfigureAwait(false);
            stream.Position = start;
            return new UploadBody(header, length, prefix: default, () => Rewind(stream, start), ownsRest: false, canResend: true);
        }

        // The header cannot be put back into a non-seekable stream, so it goes on the wire first, then the rest.
        var consumed = await ReadHeaderAsync(stream, cancellationToken).ConfigureAwait(false);
        return new UploadBody(consumed, length: null, prefix: consumed, () => stream, ownsRest: false, canResend: false);
    }

    private static Stream Rewind(Stream stream, long start)
    {
        stream.Position = start;
        return stream;
    }
}
