using System;
using System.IO;

namespace Rivya.Sdk.Tests.Support;

/// <summary>A stream that can be read once, front to back, like a network or pipe stream; it records disposal.</summary>
internal sealed class NonSeekableStream : ForwardOnlyStream
{
    private readonly Stream _inner;

    public NonSeekableStream(byte[] content) => _inner = new MemoryStream(content, writable: false);

    public NonSeekableStream(Stream inner) => _inner = inner;

    public bool IsDisposed { get; private set; }

    public override bool CanRead => !IsDisposed;

    public override int Read(byte[] buffer, int offset, int count) =>
        IsDisposed ? throw new ObjectDisposedException(nameof(NonSeekableStream)) : _inner.Read(buffer, offset, count);

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}

/// <summary>A seekable stream that records whether it was disposed.</summary>
internal sealed class TrackingMemoryStream : MemoryStream
{
    public TrackingMemoryStream(byte[] content)
        : base(content, writable: false)
    {
    }

    public bool IsDisposed { get; private set; }

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}

/// <summary>A non-seekable stream of <c>head</c> then zeros up to a length, without holding it in memory.</summary>
internal sealed class GeneratedStream : ForwardOnlyStream
{
    private readonly byte[] _head;
    private readonly long _length;
    private long _position;

    public GeneratedStream(byte[] head, long length)
    {
        _head = head;
        _length = length;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, _length - _position);
        for (var i = 0; i < n; i++)
        {
            var at = _position + i;
            buffer[offset + i] = at < _head.Length ? _head[at] : (byte)0;
        }

        _position += n;
        return n;
    }
}

/// <summary>A caller's stream that can only be written, front to back (a pipe, a response body): no read, no seek.</summary>
internal sealed class WriteOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
}
