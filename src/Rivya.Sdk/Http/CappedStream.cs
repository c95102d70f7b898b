using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Http;

/// <summary>
/// A read-only view of a response body (after decompression) that fails the read which would pass
/// <see cref="RivyaClientOptions.MaxResponseBodySize"/>: at most one byte more than the limit is ever asked of the
/// inner stream, so memory stays bounded by the limit whatever the server (or a gzip bomb) sends.
/// </summary>
internal sealed class CappedStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private readonly HttpStatusCode _status;
    private readonly string? _idempotencyKey;
    private long _read;

    /// <param name="inner">The body; disposed with this stream.</param>
    /// <param name="limit">The most bytes that may be read.</param>
    /// <param name="status">The answer's status, kept by the exception.</param>
    /// <param name="idempotencyKey">The call's key, kept by the exception (a create may have made a task).</param>
    public CappedStream(Stream inner, long limit, HttpStatusCode status, string? idempotencyKey)
    {
        _inner = inner;
        _limit = limit;
        _status = status;
        _idempotencyKey = idempotencyKey;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(_inner.Read(buffer, offset, Allowed(count)));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        Counted(await _inner.ReadAsync(buffer.AsMemory(offset, Allowed(count)), cancellationToken).ConfigureAwait(false));
#else
        Counted(await _inner.ReadAsync(buffer, offset, Allowed(count), cancellationToken).ConfigureAwait(false));
#endif

#if NET8_0_OR_GREATER
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await _inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken).ConfigureAwait(false));
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // One byte past the limit is enough to know the body is too large; asking for more would let a read buffer grow.
    private int Allowed(int count) => (int)Math.Min(count, _limit - _read + 1);

    private int Counted(int read)
    {
        _read += read;
        if (_read > _limit)
        {
            throw ResponseBodyLimit.TooLarge(_status, _limit, _idempotencyKey);
        }

        return read;
    }
}
