using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>The four <c>DownloadAsync</c> overloads: their arguments checked at the call, then <see cref="ResultDownloader"/>.</summary>
internal static class DownloadStart
{
    public static Task<FileInfo> ToFileAsync(
        RivyaPipeline pipeline, Generation generation, string path, DownloadOptions? options, CancellationToken cancellationToken) =>
        ResultDownloader.DownloadAsync(pipeline, Guard.NotNull(generation), null, FullPath(path), null, options, cancellationToken)!;

    public static Task ToStreamAsync(
        RivyaPipeline pipeline, Generation generation, Stream destination, DownloadOptions? options, CancellationToken cancellationToken) =>
        ResultDownloader.DownloadAsync(pipeline, Guard.NotNull(generation), null, null, Writable(destination), options, cancellationToken);

    public static Task<FileInfo> ByIdAsync(
        RivyaPipeline pipeline, Func<CancellationToken, Task<Generation>> read, string path, DownloadOptions? options, CancellationToken cancellationToken) =>
        ResultDownloader.DownloadAsync(pipeline, null, read, FullPath(path), null, options, cancellationToken)!;

    public static Task ByIdToStreamAsync(
        RivyaPipeline pipeline, Func<CancellationToken, Task<Generation>> read, Stream destination, DownloadOptions? options, CancellationToken cancellationToken) =>
        ResultDownloader.DownloadAsync(pipeline, null, read, null, Writable(destination), options, cancellationToken);

    private static string FullPath(string path) => Path.GetFullPath(Guard.NotNull(path));

    private static Stream Writable(Stream destination) =>
        Guard.NotNull(destination).CanWrite ? destination : throw new ArgumentException("The destination stream must be writable.", nameof(destination));
}
