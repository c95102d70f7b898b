using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Downloads;

/// <summary>A stream the caller owns: written from its current position, flushed at the end, never disposed.</summary>
internal sealed class StreamSink : DownloadSink
{
    private readonly Stream _stream;
    private readonly long _origin;

    public StreamSink(Stream stream)
    {
        _stream = stream;
        _origin = stream.CanSeek ? stream.Position : -1;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Written += bytes.Length;
        return WriteTo(_stream, bytes, cancellationToken);
    }

    public override bool TryRestart()
    {
        // A non-seekable stream (a network or pipe stream) has already handed its bytes on.
        if (_origin < 0)
        {
            return false;
        }

        _stream.Position = _origin;
        _stream.SetLength(_origin);
        Written = 0;
        return true;
    }

    public override Task CompleteAsync(CancellationToken cancellationToken) => _stream.FlushAsync(cancellationToken);

    public override void Dispose()
    {
        // The caller's stream stays open.
    }
}
