using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// A temporary file beside the destination (<c>{name}.{random}.part</c>), moved into place only when complete, so no
/// half file ever carries the final name; deleted when the download fails or is cancelled.
/// </summary>
internal sealed class FileSink : DownloadSink
{
    private readonly bool _overwrite;
    private FileStream? _temp;
    private bool _moved;

    private FileSink(string destination, bool overwrite, string tempPath)
    {
        Destination = destination;
        _overwrite = overwrite;
        TempPath = tempPath;
    }

    /// <summary>The final path, where the file is moved when complete.</summary>
    public string Destination { get; }

    public string TempPath { get; }

    /// <summary>
    /// Checks the destination. The temporary file is created later, by <see cref="Begin"/>, when the first answer's
    /// size is known.
    /// </summary>
    /// <exception cref="IOException"><paramref name="destination"/> exists and <paramref name="overwrite"/> is false.</exception>
    public static FileSink Create(string destination, bool overwrite)
    {
        if (!overwrite && File.Exists(destination))
        {
            throw new IOException($"The file '{destination}' already exists; set DownloadOptions.Overwrite to replace it. Nothing was sent.");
        }

        // Checked only without Overwrite: with it, a directory in the way fails the final move instead (an IOException
        // too), and the common case saves a call.
        if (!overwrite && Directory.Exists(destination))
        {
            throw new IOException($"'{destination}' is a directory; give a file path. Nothing was sent.");
        }

        return new FileSink(destination, overwrite, TempFile.Beside(destination));
    }

    /// <summary>Creates the temporary file (and the destination's directory if missing) on the first attempt with a body.</summary>
    public override void Begin(long? total) => _temp ??= TempFile.Create(TempPath, total);

    /// <remarks>
    /// Synchronous on purpose: on Linux an "async" file write is this same blocking write run on a pool thread after a
    /// hop, and a write that completes here keeps the body copy in HttpClient's one async frame (see
    /// <see cref="SinkWriter"/>). The block is already in memory and the file's space reserved.
    /// </remarks>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Written += bytes.Length;
#if NET8_0_OR_GREATER
        _temp!.Write(bytes.Span);
#else
        var segment = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var array) ? array : new ArraySegment<byte>(bytes.ToArray());
        _temp!.Write(segment.Array!, segment.Offset, segment.Count);
#endif
        return default;
    }

    public override bool TryRestart()
    {
        if (_temp is { } temp)
        {
            temp.Position = 0;
            temp.SetLength(0);
        }

        Written = 0;
        return true;
    }

    public override async Task CompleteAsync(CancellationToken cancellationToken)
    {
        // An empty result had no body to write: its file is created here.
        var temp = _temp ??= TempFile.Create(TempPath, total: null);
        await temp.FlushAsync(cancellationToken).ConfigureAwait(false);
#if NET8_0_OR_GREATER
        await temp.DisposeAsync().ConfigureAwait(false);
#else
        temp.Dispose();
#endif
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Move();
        }
        catch (UnauthorizedAccessException e)
        {
            throw TempFile.Denied(Destination, e);
        }

        _moved = true;
    }

    public override void Dispose()
    {
        if (_temp is not { } temp)
        {
            return;
        }

        temp.Dispose();
        if (!_moved)
        {
            TempFile.TryDelete(TempPath);
        }
    }

    private void Move()
    {
#if NET8_0_OR_GREATER
        File.Move(TempPath, Destination, _overwrite);
#else
        if (_overwrite && File.Exists(Destination))
        {
            File.Replace(TempPath, Destination, destinationBackupFileName: null);
            return;
        }

        File.Move(TempPath, Destination);
#endif
    }
}
