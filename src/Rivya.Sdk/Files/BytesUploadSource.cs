using System;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk;

/// <summary>Bytes in memory: sent as they are on every attempt, without a copy.</summary>
internal sealed class BytesUploadSource : UploadSource
{
    private readonly ReadOnlyMemory<byte> _bytes;

    public BytesUploadSource(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    public override ValueTask<UploadBody> ProbeAsync(CancellationToken cancellationToken)
    {
        var header = _bytes.Slice(0, Math.Min(_bytes.Length, MediaSignature.HeaderLength));
        return new ValueTask<UploadBody>(new UploadBody(header, _bytes.Length, prefix: _bytes, openRest: null, ownsRest: false, canResend: true));
    }
}
