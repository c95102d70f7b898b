using System;
using System.IO;
using System.Runtime.ExceptionServices;
#if !NET8_0_OR_GREATER
using System.Runtime.InteropServices;
#endif
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// Where the bytes of a download go (a temporary file beside the destination, <see cref="FileSink"/>, or a stream the
/// caller owns, <see cref="StreamSink"/>), and the destination of each attempt's body copy: each block the connection
/// hands over resets the idle watch, passes over what a server that ignored <c>Range</c> sends again, is checked
/// against <see cref="DownloadOptions.MaxBytes"/>, written and reported. A <see cref="Stream"/> so the response's own
/// <c>CopyToAsync</c> drives the copy: HttpClient copies a body in one async frame, where a <c>ReadAsync</c> loop
/// allocates a state machine box for every read that waits on the socket (quiet DownloadBenchmarks, 256 MiB: 215.7 KB
/// before, 9.29 KB after; 1 MiB: 4.99 KB).
/// </summary>
internal abstract class DownloadSink : Stream
{
    private DownloadRun _run = null!;
    private IdleWatch _idle = null!;
    private CancellationToken _callerToken;
    private long _skip;

    /// <summary>The bytes written so far: where a resume starts.</summary>
    public long Written { get; protected set; }

    /// <summary>
    /// Why the attempt stopped on this side: the sink failed (its temporary file could not be created, a full disk, a
    /// caller's stream that threw) or the result passed <see cref="DownloadOptions.MaxBytes"/>. Not the network's
    /// fault, never retried, and rethrown as it was: HttpClient's copy wraps whatever its destination throws in an
    /// <see cref="OperationCanceledException"/> once its token (the idle watch's) is cancelled.
    /// </summary>
    public ExceptionDispatchInfo? Failure { get; private set; }

    /// <summary>
    /// The attempt's body ran past the size announced (<c>Content-Length</c> or <c>Content-Range</c>): the bytes past it
    /// were not written, and the attempt starts the file over rather than keep bytes a lying server chose.
    /// </summary>
    public bool Overflowed { get; private set; }

    /// <summary>
    /// Readies the sink for an attempt's body, once its headers are checked (a file sink creates its temporary file,
    /// sized by the announced <see cref="DownloadRun.Total"/>): <paramref name="skip"/> bytes are passed over first (a
    /// server that ignored <c>Range</c> resent the file from its start); <paramref name="callerToken"/> is for the
    /// writes (the copy's own token is the idle watch's, which every block resets). A failure here is the sink's.
    /// </summary>
    public void Begin(DownloadRun run, IdleWatch idle, long skip, CancellationToken callerToken)
    {
        _run = run;
        _idle = idle;
        _skip = skip;
        _callerToken = callerToken;
        Overflowed = false;
        try
        {
            Open(run.Total);
        }
        catch (Exception e)
        {
            Failure = ExceptionDispatchInfo.Capture(e);
            throw;
        }
    }

    /// <summary>Forgets every byte written, for a result that changed mid-download; false when the destination cannot go back.</summary>
    public abstract bool TryRestart();

    /// <summary>Makes the written bytes final (a file is moved into place).</summary>
    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

#if NET8_0_OR_GREATER
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Accept(buffer);
#endif

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Accept(buffer.AsMemory(offset, count)).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Accept(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Called by <see cref="Begin"/> with the result's announced size (null when unknown).</summary>
    protected virtual void Open(long? total)
    {
    }

    /// <summary>Writes <paramref name="bytes"/>; awaited directly (never turned into a Task) so a write allocates nothing.</summary>
    protected abstract ValueTask WriteBlockAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
#if !NET8_0_OR_GREATER

    // The downloader's buffer is an array: no copy is made here.
    protected static ArraySegment<byte> ArrayOf(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) ? segment : new ArraySegment<byte>(bytes.ToArray());
#endif

    // Not async: a block the sink takes at once (a file's write) costs no state machine; only a pending write of a
    // caller's stream is watched for failure.
    private ValueTask Accept(ReadOnlyMemory<byte> block)
    {
        _idle.Reset();
        if (_skip > 0)
        {
            var passed = (int)Math.Min(_skip, block.Length);
            _skip -= passed;
            block = block.Slice(passed);
            if (block.IsEmpty)
            {
                return default;
            }
        }

        try
        {
            if (_run.Total is { } total && Written + block.Length > total)
            {
                Overflowed = true;
                block = block.Slice(0, (int)Math.Max(0, total - Written));
            }

            if (Written + block.Length > _run.Options.MaxBytes)
            {
                throw _run.TooLarge();
            }

            var pending = WriteBlockAsync(block, _callerToken);
            if (pending.IsCompletedSuccessfully)
            {
                _run.Report(force: false);
                return default;
            }

            return WatchAsync(pending);
        }
        catch (Exception e)
        {
            // The sink, the size cap or the caller's OnProgress: not the network's fault.
            Failure = ExceptionDispatchInfo.Capture(e);
            throw;
        }
    }

    private async ValueTask WatchAsync(ValueTask pending)
    {
        try
        {
            await pending.ConfigureAwait(false);

            // The time the destination took is not the network's idle time.
            _idle.Reset();
            _run.Report(force: false);
        }
        catch (Exception e)
        {
            Failure = ExceptionDispatchInfo.Capture(e);
            throw;
        }
    }
}

/// <summary>A stream the caller owns: written from its current position, flushed at the end, never disposed.</summary>
internal sealed class StreamSink(Stream stream) : DownloadSink
{
    private readonly long _origin = stream.CanSeek ? stream.Position : -1;

    protected override ValueTask WriteBlockAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Written += bytes.Length;
#if NET8_0_OR_GREATER
        return stream.WriteAsync(bytes, cancellationToken);
#else
        var segment = ArrayOf(bytes);
        return new ValueTask(stream.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken));
#endif
    }

    public override bool TryRestart()
    {
        // A non-seekable stream (a network or pipe stream) has already handed its bytes on.
        if (_origin < 0)
        {
            return false;
        }

        stream.Position = _origin;
        stream.SetLength(_origin);
        Written = 0;
        return true;
    }

    // Disposing the sink leaves the caller's stream open.
    public override Task CompleteAsync(CancellationToken cancellationToken) => stream.FlushAsync(cancellationToken);
}
