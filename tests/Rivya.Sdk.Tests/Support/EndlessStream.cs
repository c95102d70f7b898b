using System;
using System.IO;
using System.Threading;

namespace Rivya.Sdk.Tests.Support;

/// <summary>A body that never ends: it fills every read with <c>x</c> and counts the bytes handed out.</summary>
public sealed class EndlessStream : Stream
{
    private long _handedOut;

    public long BytesRead => Interlocked.Read(ref _handedOut);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        buffer.AsSpan(offset, count).Fill((byte)'x');
        Interlocked.Add(ref _handedOut, count);
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
