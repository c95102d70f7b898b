using System;
using System.Globalization;
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
    private readonly FileStream _temp;
    private bool _moved;

    private FileSink(string destination, bool overwrite, string tempPath)
    {
        Destination = destination;
        _overwrite = overwrite;
        TempPath = tempPath;
        try
        {
            _temp = Open(tempPath);
        }
        catch (DirectoryNotFoundException)
        {
            // Created only when missing: the usual case (the directory exists) costs no extra call.
            Directory.CreateDirectory(Path.GetDirectoryName(tempPath)!);
            _temp = Open(tempPath);
        }
    }

    /// <summary>The final path, where the file is moved when complete.</summary>
    public string Destination { get; }

    public string TempPath { get; }

    /// <summary>Checks the destination and creates the temporary file (and the destination's directory if missing).</summary>
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

        // A random part, so two downloads to the same path never share a temporary file.
        var suffix = ((uint)Guid.NewGuid().GetHashCode()).ToString("x8", CultureInfo.InvariantCulture);
        return new FileSink(destination, overwrite, string.Concat(destination, ".", suffix, ".part"));
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Written += bytes.Length;
        return WriteTo(_temp, bytes, cancellationToken);
    }

    public override bool TryRestart()
    {
        _temp.Position = 0;
        _temp.SetLength(0);
        Written = 0;
        return true;
    }

    public override async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _temp.FlushAsync(cancellationToken).ConfigureAwait(false);
#if NET8_0_OR_GREATER
        await _temp.DisposeAsync().ConfigureAwait(false);
#else
        _temp.Dispose();
#endif
        cancellationToken.ThrowIfCancellationRequested();
        Move();
        _moved = true;
    }

    public override void Dispose()
    {
        _temp.Dispose();
        if (!_moved)
        {
            TryDelete(TempPath);
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

    // bufferSize 0: writes come in the downloader's own 80 KiB blocks; FileStream's 4 KiB buffer layer cost 3.7 KB per
    // download for nothing (DownloadBenchmarks, 1 MiB: 9.85 KB -> 6.11 KB).
    private static FileStream Open(string path) =>
        new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the download already failed for a better reason than this.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
