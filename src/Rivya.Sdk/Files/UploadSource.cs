using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk;

/// <summary>Where an upload's bytes come from: a path, a caller's stream, or memory.</summary>
internal abstract class UploadSource
{
    /// <summary>
    /// Reads what the checks need before sending (the first <see cref="MediaSignature.HeaderLength"/> bytes and, when
    /// knowable, the length) and describes how each attempt reads the whole file. Called once per upload call.
    /// </summary>
    public abstract ValueTask<UploadBody> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>Reads up to <see cref="MediaSignature.HeaderLength"/> bytes, fewer only at the end of the stream.</summary>
    protected static async Task<ReadOnlyMemory<byte>> ReadHeaderAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[MediaSignature.HeaderLength];
        var filled = 0;
        while (filled < header.Length)
        {
#if NET8_0_OR_GREATER
            var read = await stream.ReadAsync(header.AsMemory(filled), cancellationToken).ConfigureAwait(false);
#else
            var read = await stream.ReadAsync(header, filled, header.Length - filled, cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return new ReadOnlyMemory<byte>(header, 0, filled);
    }
}
