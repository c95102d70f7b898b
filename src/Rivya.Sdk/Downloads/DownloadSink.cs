using System;
using System.IO;
#if !NET8_0_OR_GREATER
using System.Runtime.InteropServices;
#endif
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Downloads;

/// <summary>Where the bytes of a download go: a temporary file beside the destination, or a stream the caller owns.</summary>
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

    protected static ValueTask WriteTo(Stream stream, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return stream.WriteAsync(bytes, cancellationToken);
#else
        // The downloader's buffer is an array: no copy is made here.
        return MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new ValueTask(stream.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken))
            : new ValueTask(stream.WriteAsync(bytes.ToArray(), 0, bytes.Length, cancellationToken));
#endif
    }
}
