using System;
using System.IO;
#if !NET8_0_OR_GREATER
using System.Runtime.InteropServices;
#endif
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Downloads;

/// <summary>Where the bytes of a download go: a temporary file beside the destination (<see cref="FileSink"/>), or a stream the caller owns.</summary>
internal abstract class DownloadSink : IDisposable
{
    /// <summary>The bytes written so far: where a resume starts.</summary>
    public long Written { get; protected set; }

    /// <summary>
    /// Called before each attempt's body, once its headers are checked: <paramref name="total"/> is the result's
    /// announced size (null when unknown). A file sink creates its temporary file here.
    /// </summary>
    public virtual void Begin(long? total)
    {
    }

    /// <summary>Writes <paramref name="bytes"/>; awaited directly (never turned into a Task) so a write allocates nothing.</summary>
    public abstract ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>Forgets every byte written, for a result that changed mid-download; false when the destination cannot go back.</summary>
    public abstract bool TryRestart();

    /// <summary>Makes the written bytes final (a file is moved into place).</summary>
    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>Releases the destination; an incomplete temporary file is deleted.</summary>
    public abstract void Dispose();
#if !NET8_0_OR_GREATER

    // The downloader's buffer is an array: no copy is made here.
    protected static ArraySegment<byte> ArrayOf(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) ? segment : new ArraySegment<byte>(bytes.ToArray());
#endif
}

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
#if NET8_0_OR_GREATER
        return _stream.WriteAsync(bytes, cancellationToken);
#else
        var segment = ArrayOf(bytes);
        return new ValueTask(_stream.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken));
#endif
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
