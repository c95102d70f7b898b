using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
#if !NET8_0_OR_GREATER
using System.Runtime.InteropServices;
#endif

namespace Rivya.Sdk;

/// <summary>
/// One attempt's request body: the form's head, the file copied through one pooled buffer (so memory does not grow
/// with the file), the form's tail. Its length is known up front (a Content-Length, not chunked) except for a
/// non-seekable stream, which is counted against the size limit as it streams.
/// </summary>
internal sealed class FileBodyContent(PreparedUpload upload) : HttpContent
{
    internal const int BufferSize = 64 * 1024;

    private readonly PreparedUpload _upload = upload;

    protected override bool TryComputeLength(out long length)
    {
        length = _upload.Head.Length + (_upload.Length ?? 0) + _upload.Tail.Length;
        return _upload.Length is not null;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        WriteAsync(stream, CancellationToken.None);

#if NET8_0_OR_GREATER
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        WriteAsync(stream, cancellationToken);
#endif

    private async Task WriteAsync(Stream destination, CancellationToken cancellationToken)
    {
        if (!_upload.TryBeginSend())
        {
            throw new InvalidOperationException("The upload's non-seekable stream was already sent once and cannot be sent again.");
        }

        await WriteMemoryAsync(destination, _upload.Head, cancellationToken).ConfigureAwait(false);
        long written = _upload.Prefix.Length;
        if (written > 0)
        {
            await WriteMemoryAsync(destination, _upload.Prefix, cancellationToken).ConfigureAwait(false);
        }

        if (_upload.OpenRest() is { } source)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                while (true)
                {
                    // Read inline, not through an async helper: a helper's state machine and Task would be allocated
                    // afresh for every chunk that suspends (all of them, for a file), so memory would grow with the size.
                    int read;
                    try
                    {
#if NET8_0_OR_GREATER
                        read = await source.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
#else
                        read = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
#endif
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        throw new UploadSourceException(exception);
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    written += read;
                    CheckRunningLength(written);
#if NET8_0_OR_GREATER
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
#else
                    await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
#endif
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
                if (_upload.OwnsRest)
                {
                    source.Dispose();
                }
            }
        }

        if (_upload.Length is { } expected && written != expected)
        {
            throw SizeChanged(expected, written);
        }

        await WriteMemoryAsync(destination, _upload.Tail, cancellationToken).ConfigureAwait(false);
    }

    private void CheckRunningLength(long written)
    {
        if (written > _upload.Length)
        {
            throw SizeChanged(_upload.Length.Value, written);
        }

        if (_upload.Length is null && written > _upload.MaxBytes)
        {
            // A non-seekable stream's size shows only as it is read; the request is abandoned mid-body.
            throw new RivyaValidationException([new ValidationError("file.size", FormattableString.Invariant($"the stream passed {_upload.MaxBytes:N0} bytes while being sent, so the upload was abandoned; {_upload.LimitText}."))]);
        }
    }

    private static UploadSourceException SizeChanged(long expected, long written) => new(new IOException(
        FormattableString.Invariant($"The file changed size while it was being uploaded: {expected} bytes were expected, {written} were read.")));

#if NET8_0_OR_GREATER
    private static ValueTask WriteMemoryAsync(Stream destination, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        destination.WriteAsync(bytes, cancellationToken);
#else
    // netstandard2.0's Stream cannot write memory: an array's (every one the SDK makes) is written in place, other memory
    // (a caller's native memory, rare) is copied once, as Downloads/DownloadSink does.
    private static Task WriteMemoryAsync(Stream destination, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        MemoryMarshal.TryGetArray(bytes, out var segment)
            ? destination.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken)
            : destination.WriteAsync(bytes.ToArray(), 0, bytes.Length, cancellationToken);
#endif
}
