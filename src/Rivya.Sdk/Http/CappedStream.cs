using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Http;

/// <summary>
/// The cap on a JSON answer's body (<see cref="RivyaClientOptions.MaxResponseBodySize"/>), counted after
/// decompression. Passing it ends the attempt at once with a <see cref="RivyaApiException"/> that keeps the status;
/// it is not retried (the same server would send the same body again). A read-only view of the body that fails the
/// read which would pass the limit: at most one byte more than the limit is ever asked of the inner stream, so memory
/// stays bounded by the limit whatever the server (or a gzip bomb) sends.
/// </summary>
internal sealed class CappedStream(Stream inner, long limit, HttpStatusCode status, string? idempotencyKey) : Stream
{
    private long _read;

    /// <summary>
    /// <paramref name="body"/>, the stream of <paramref name="response"/>'s content, limited to <paramref name="limit"/>
    /// bytes. A declared <c>Content-Length</c> within the limit needs no counting (the handler never reads past it;
    /// a decompressed body has none), so the usual answer costs nothing; one past the limit fails before any read.
    /// </summary>
    /// <exception cref="RivyaApiException">The declared length is over the limit.</exception>
    public static Stream Wrap(Stream body, HttpResponseMessage response, long limit, string? idempotencyKey)
    {
        if (response.Content?.Headers.ContentLength is { } declared)
        {
            if (declared <= limit)
            {
                return body;
            }

            body.Dispose();
            throw TooLarge(response.StatusCode, limit, idempotencyKey);
        }

        return new CappedStream(body, limit, response.StatusCode, idempotencyKey);
    }

    private static RivyaApiException TooLarge(HttpStatusCode status, long limit, string? idempotencyKey)
    {
        var message = FormattableString.Invariant(
            $"Rivya answered {(int)status} with a body larger than RivyaClientOptions.MaxResponseBodySize ({limit:N0} bytes after decompression); the SDK stopped reading it and did not retry.");
        if (idempotencyKey is not null && (int)status is >= 200 and <= 299)
        {
            message += $" The server may have done the work: repeat the call with Idempotency-Key '{idempotencyKey}' to reach it without a second charge.";
        }

        return new RivyaApiException(message, status, idempotencyKey: idempotencyKey);
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

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, Allowed(count)));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        Counted(await inner.ReadAsync(buffer.AsMemory(offset, Allowed(count)), cancellationToken).ConfigureAwait(false));
#else
        Counted(await inner.ReadAsync(buffer, offset, Allowed(count), cancellationToken).ConfigureAwait(false));
#endif

#if NET8_0_OR_GREATER
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken).ConfigureAwait(false));
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
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // One byte past the limit is enough to know the body is too large; asking for more would let a read buffer grow.
    private int Allowed(int count) => (int)Math.Min(count, limit - _read + 1);

    private int Counted(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw TooLarge(status, limit, idempotencyKey);
        }

        return read;
    }
}
