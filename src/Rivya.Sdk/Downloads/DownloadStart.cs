using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// The four <c>DownloadAsync</c> overloads after their arguments: pick the URL, open the destination (nothing is sent
/// before both are known good), then hand over to <see cref="ResultDownloader"/>.
/// </summary>
internal static class DownloadStart
{
    private static readonly DownloadOptions Defaults = new();

    public static Task<FileInfo> ToFileAsync(RivyaPipeline pipeline, Generation generation, string path, DownloadOptions? options, CancellationToken cancellationToken)
    {
        Guard.NotNull(generation);
        var destination = Path.GetFullPath(Guard.NotNull(path));
        options ??= Defaults;
        var url = ResultUrls.Pick(generation, options);
        var sink = FileSink.Create(destination, options.Overwrite);

        // The downloader owns the sink from here and answers its FileInfo (never null for a file).
        return new ResultDownloader(pipeline).DownloadAsync(generation, url, refresh: null, sink, options, cancellationToken)!;
    }

    public static Task ToStreamAsync(RivyaPipeline pipeline, Generation generation, Stream destination, DownloadOptions? options, CancellationToken cancellationToken)
    {
        Guard.NotNull(generation);
        CheckWritable(destination);

        options ??= Defaults;
        var url = ResultUrls.Pick(generation, options);
        return new ResultDownloader(pipeline).DownloadAsync(generation, url, refresh: null, new StreamSink(destination), options, cancellationToken);
    }

    /// <summary>By id into a caller's stream (a web app's response body): the task is read, then read again once for fresh URLs if they expired.</summary>
    public static async Task ByIdToStreamAsync(RivyaPipeline pipeline, Func<CancellationToken, Task<Generation>> read, Stream destination, DownloadOptions? options, CancellationToken cancellationToken)
    {
        CheckWritable(destination);
        options ??= Defaults;
        var generation = await read(cancellationToken).ConfigureAwait(false);
        var url = ResultUrls.Pick(generation, options);
        await new ResultDownloader(pipeline).DownloadAsync(generation, url, read, new StreamSink(destination), options, cancellationToken).ConfigureAwait(false);
    }

    private static void CheckWritable(Stream destination)
    {
        Guard.NotNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }
    }

    /// <param name="pipeline">The client's pipeline.</param>
    /// <param name="read">Reads the task (the client's <c>GetAsync</c>): once first, and once more for fresh URLs.</param>
    /// <param name="path">The destination file.</param>
    /// <param name="options">The download's options; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the read or the download.</param>
    public static async Task<FileInfo> ByIdAsync(RivyaPipeline pipeline, Func<CancellationToken, Task<Generation>> read, string path, DownloadOptions? options, CancellationToken cancellationToken)
    {
        var destination = Path.GetFullPath(Guard.NotNull(path));
        options ??= Defaults;
        var generation = await read(cancellationToken).ConfigureAwait(false);
        var url = ResultUrls.Pick(generation, options);
        var sink = FileSink.Create(destination, options.Overwrite);
        return (await new ResultDownloader(pipeline).DownloadAsync(generation, url, read, sink, options, cancellationToken).ConfigureAwait(false))!;
    }
}
