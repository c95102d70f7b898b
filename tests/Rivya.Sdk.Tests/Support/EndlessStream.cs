using System;
using System.Threading;

namespace Rivya.Sdk.Tests.Support;

/// <summary>A body that never ends: it fills every read with <c>x</c> and counts the bytes handed out.</summary>
public sealed class EndlessStream : ForwardOnlyStream
{
    private long _handedOut;

    public long BytesRead => Interlocked.Read(ref _handedOut);

    public override int Read(byte[] buffer, int offset, int count)
    {
        buffer.AsSpan(offset, count).Fill((byte)'x');
        Interlocked.Add(ref _handedOut, count);
        return count;
    }
}
