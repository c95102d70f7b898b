using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// A temporary file beside the destination (<c>{name}.{8 hex}.part</c>, random so two downloads to the same path never
/// share one), moved into place only when complete, so no half file ever carries the final name; deleted when the
/// download fails or is cancelled.
/// </summary>
internal sealed class FileSink(string destination, bool overwrite) : DownloadSink
{
    /// <summary>
    /// At most this much disk is reserved up front (net8.0 and later): an announced size is a server's claim, not bytes
    /// received, and a CDN that announces 6 GiB and stalls must not take 6 GiB of the disk for as long as it stalls.
    /// </summary>
    private const long MaxReservation = 16 * 1024 * 1024;

    private readonly string _tempPath =
        string.Concat(destination, ".", ((uint)Guid.NewGuid().GetHashCode()).ToString("x8", CultureInfo.InvariantCulture), ".part");
    private FileStream? _temp;
    private bool _moved;

    /// <summary>The final path, where the file is moved when complete.</summary>
    public string Destination { get; } = destination;

    /// <summary>
    /// Checks the destination. The temporary file is created later, by <see cref="DownloadSink.Begin"/>, when the first answer's
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

        return new FileSink(destination, overwrite);
    }


    /// <remarks>
    /// Synchronous on purpose: on Linux an "async" file write is this same blocking write run on a pool thread after a
    /// hop, and a write that completes here keeps the body copy in HttpClient's one async frame (see
    /// <see cref="DownloadSink"/>). The block is already in memory and the file's space reserved.
    /// </remarks>
    protected override ValueTask WriteBlockAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Written += bytes.Length;
#if NET8_0_OR_GREATER
        _temp!.Write(bytes.Span);
#else
        var segment = ArrayOf(bytes);
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
        var temp = _temp ??= CreateTemp(total: null);
        await temp.FlushAsync(cancellationToken).ConfigureAwait(false);
#if NET8_0_OR_GREATER
        await temp.DisposeAsync().ConfigureAwait(false);
#else
        temp.Dispose();
#endif
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
#if NET8_0_OR_GREATER
            File.Move(_tempPath, Destination, overwrite);
#else
            if (overwrite && File.Exists(Destination))
            {
                File.Replace(_tempPath, Destination, destinationBackupFileName: null);
            }
            else
            {
                File.Move(_tempPath, Destination);
            }
#endif
        }
        catch (UnauthorizedAccessException e)
        {
            throw Denied(Destination, e);
        }

        _moved = true;
    }

    /// <summary>Creates the temporary file (and the destination's directory if missing) on the first attempt with a body.</summary>
    protected override void Open(long? total) => _temp ??= CreateTemp(total);

    /// <summary>Releases the temporary file, and deletes it unless it was moved into place.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || _temp is not { } temp)
        {
            return;
        }

        temp.Dispose();
        if (_moved)
        {
            return;
        }

        try
        {
            File.Delete(_tempPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the download already failed for a better reason than this.
        }
    }

    /// <summary>A file-system refusal as the <see cref="IOException"/> the download documents, the original inside.</summary>
    private static IOException Denied(string path, UnauthorizedAccessException inner) =>
        new($"The download could not write '{path}': access was denied ({inner.Message}).", inner);

    /// <summary>
    /// Creates the temporary file (never opens an existing one), and its directory when missing. On net8.0 and later
    /// the disk space for the first <see cref="MaxReservation"/> bytes of <paramref name="total"/> is reserved up front;
    /// the file's length still grows as it is written.
    /// </summary>
    /// <exception cref="IOException">The directory cannot be written (an <see cref="UnauthorizedAccessException"/> inside), or the disk is full.</exception>
    private FileStream CreateTemp(long? total)
    {
        try
        {
            try
            {
                return Open(_tempPath, total);
            }
            catch (DirectoryNotFoundException)
            {
                // Created only when missing: the usual case (the directory exists) costs no extra call.
                Directory.CreateDirectory(Path.GetDirectoryName(_tempPath)!);
                return Open(_tempPath, total);
            }
        }
        catch (UnauthorizedAccessException e)
        {
            throw Denied(_tempPath, e);
        }
    }

    // bufferSize 0: writes come in the connection's own blocks; FileStream's 4 KiB buffer layer cost 3.7 KB per
    // download for nothing (DownloadBenchmarks, 1 MiB: 9.85 KB -> 6.11 KB). Not FileOptions.Asynchronous: the writes
    // are synchronous (WriteAsync).
    private static FileStream Open(string path, long? total) =>
#if NET8_0_OR_GREATER
        new(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
            Options = FileOptions.None,

            // Reserved space is what makes the file cheap to write and to move over an existing one: on ext4, a rename
            // that replaces a file first flushes the new file's unallocated blocks (quiet DownloadBenchmarks against the
            // plain loop, 1 MiB: 1.09x -> 0.60x; 256 MiB: 0.98x -> 0.56x, with the synchronous writes of FileSink).
            // Capped: a header is not bytes received (MaxReservation), so past 16 MiB a result is written at the plain
            // loop's speed (contended run, 256 MiB: 0.48x uncapped, about 1.1-1.2x capped).
            PreallocationSize = Math.Min(total ?? 0, MaxReservation),
        });
#else
        new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.None);
#endif
}
