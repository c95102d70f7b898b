using System;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// The destination of one attempt's body copy. Each block the connection hands over resets the idle watch, passes
/// over what a server that ignored <c>Range</c> sends again, is checked against <see cref="DownloadOptions.MaxBytes"/>,
/// goes to the sink and is reported. A <see cref="Stream"/> so the response's own <c>CopyToAsync</c> drives the copy:
/// HttpClient copies a body in one async frame, where a <c>ReadAsync</c> loop allocates a state machine box for every
/// read that waits on the socket (quiet DownloadBenchmarks, 256 MiB: 215.7 KB before, 9.29 KB after; 1 MiB: 4.99 KB).
/// </summary>
internal sealed class SinkWriter : Stream
{
    private readonly DownloadRun _run;
    private readonly IdleWatch _idle;
    private readonly CancellationToken _callerToken;
    private long _skip;

    /// <param name="run">The download: its sink, options and progress.</param>
    /// <param name="idle">Reset by every block.</param>
    /// <param name="skip">Bytes to pass over first (a server that ignored <c>Range</c> resent the file from its start).</param>
    /// <param name="callerToken">The caller's token, for the sink (the copy's own token is the idle watch's).</param>
    public SinkWriter(DownloadRun run, IdleWatch idle, long skip, CancellationToken callerToken)
    {
        _run = run;
        _idle = idle;
        _skip = skip;
        _callerToken = callerToken;
    }

    /// <summary>
    /// Why the attempt stopped on this side: the sink failed (its temporary file could not be created, a full disk, a
    /// caller's stream that threw) or the result passed <see cref="DownloadOptions.MaxBytes"/>. Not the network's
    /// fault, never retried, and rethrown as it was: HttpClient's copy wraps whatever its destination throws in an
    /// <see cref="OperationCanceledException"/> once its token (the idle watch's) is cancelled.
    /// </summary>
    public ExceptionDispatchInfo? Failure { get; private set; }

    /// <summary>
    /// The body ran past the size announced (<c>Content-Length</c> or <c>Content-Range</c>): the bytes past it were not
    /// written, and the attempt starts the file over rather than keep bytes a lying server chose.
    /// </summary>
    public bool Overflowed { get; private set; }

    /// <summary>Readies the sink for this attempt's body (<see cref="DownloadSink.Begin"/>); a failure is the sink's.</summary>
    public void Begin(long? total)
    {
        try
        {
            _run.Sink.Begin(total);
        }
        catch (Exception e)
        {
            Failure = ExceptionDispatchInfo.Capture(e);
            throw;
        }
    }

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
            var sink = _run.Sink;
            if (_run.Total is { } total && sink.Written + block.Length > total)
            {
                Overflowed = true;
                block = block.Slice(0, (int)Math.Max(0, total - sink.Written));
            }

            if (sink.Written + block.Length > _run.Options.MaxBytes)
            {
                throw _run.TooLarge();
            }

            var pending = sink.WriteAsync(block, _callerToken);
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
