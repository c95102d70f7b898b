using System;
using System.Globalization;
using System.IO;

namespace Rivya.Sdk.Downloads;

/// <summary>How a download's temporary file is named, opened and removed.</summary>
internal static class TempFile
{
    /// <summary>
    /// <c>{destination}.{8 hex}.part</c>: a random part, so two downloads to the same path never share a temporary file.
    /// </summary>
    public static string Beside(string destination)
    {
        var suffix = ((uint)Guid.NewGuid().GetHashCode()).ToString("x8", CultureInfo.InvariantCulture);
        return string.Concat(destination, ".", suffix, ".part");
    }

    /// <summary>
    /// At most this much disk is reserved up front (net8.0 and later): an announced size is a server's claim, not bytes
    /// received, and a CDN that announces 6 GiB and stalls must not take 6 GiB of the disk for as long as it stalls.
    /// </summary>
    public const long MaxReservation = 16 * 1024 * 1024;

    /// <summary>
    /// Creates the file (never opens an existing one), and its directory when missing. On net8.0 and later the disk
    /// space for the first <see cref="MaxReservation"/> bytes of <paramref name="total"/> is reserved up front; the
    /// file's length still grows as it is written.
    /// </summary>
    /// <exception cref="IOException">The file exists, the directory cannot be written (an <see cref="UnauthorizedAccessException"/> inside), or the disk is full.</exception>
    public static FileStream Create(string path, long? total)
    {
        try
        {
            try
            {
                return Open(path, total);
            }
            catch (DirectoryNotFoundException)
            {
                // Created only when missing: the usual case (the directory exists) costs no extra call.
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                return Open(path, total);
            }
        }
        catch (UnauthorizedAccessException e)
        {
            throw Denied(path, e);
        }
    }

    /// <summary>A file-system refusal as the <see cref="IOException"/> the download documents, the original inside.</summary>
    public static IOException Denied(string path, UnauthorizedAccessException inner) =>
        new($"The download could not write '{path}': access was denied ({inner.Message}).", inner);

    public static void TryDelete(string path)
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

    // bufferSize 0: writes come in the connection's own blocks; FileStream's 4 KiB buffer layer cost 3.7 KB per
    // download for nothing (DownloadBenchmarks, 1 MiB: 9.85 KB -> 6.11 KB). Not FileOptions.Asynchronous: FileSink
    // writes synchronously (see there).
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
