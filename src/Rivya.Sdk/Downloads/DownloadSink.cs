using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Downloads;

/// <summary>Where the bytes of a download go: a temporary file beside the destination, or a stream the caller owns.</summary>
internal abstract class DownloadSink : IDisposable
{
    /// <summary>The bytes written so far: where a resume starts.</summary>
    public long Written { get; protected set; }

    public abstract Task WriteAsync(byte[] buffer, int count, CancellationToken cancellationToken);

    /// <summary>Forgets every byte written, for a result that changed mid-download; false when the destination cannot go back.</summary>
    public abstract bool TryRestart();

    /// <summary>Makes the written bytes final (a file is moved into place).</summary>
    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>Releases the destination; an incomplete temporary file is deleted.</summary>
    public abstract void Dispose();

    protected static Task WriteTo(Stream stream, byte[] buffer, int count, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        stream.WriteAsync(buffer.AsMemory(0, count), cancellationToken).AsTask();
#else
        stream.WriteAsync(buffer, 0, count, cancellationToken);
#endif
}
