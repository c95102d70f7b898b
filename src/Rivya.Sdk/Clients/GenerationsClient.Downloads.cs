using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Downloads;
using Rivya.Sdk.Http;

namespace Rivya.Sdk;

/// <content>The result downloads: to a file or a stream, from a <see cref="Generation"/> or by task id.</content>
public partial class GenerationsClient
{
    /// <summary>
    /// Streams the result to the file <paramref name="path"/> and answers it: resumes a cut connection with
    /// <c>Range</c>/<c>If-Range</c>, writes a temporary file beside <paramref name="path"/> moved into place only when
    /// complete, never creates or re-creates a task.
    /// </summary>
    /// <remarks>
    /// The URL is <see cref="GenerationResult.PrimaryUrl"/> unless <see cref="DownloadOptions.UrlIndex"/> says. The API
    /// key goes only to a URL on the API's own origin, never to a CDN. A missing directory is created.
    /// </remarks>
    /// <param name="generation">A succeeded task.</param>
    /// <param name="path">The destination file; an existing one is replaced only with <see cref="DownloadOptions.Overwrite"/>.</param>
    /// <param name="options">Progress, overwrite, URL, idle timeout, retries and size cap; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the download at once; the temporary file is deleted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="generation"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file exists without <see cref="DownloadOptions.Overwrite"/> (nothing was sent), or writing failed.</exception>
    /// <exception cref="RivyaDownloadException">The task has not succeeded (nothing was sent), the URL expired or is missing (403/404/410), another error, or past <see cref="DownloadOptions.MaxBytes"/>.</exception>
    /// <exception cref="RivyaConnectionException">The host could not be reached, or was idle past the timeout, and retries ran out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; no file is left.</exception>
    public virtual Task<FileInfo> DownloadAsync(Generation generation, string path, DownloadOptions? options = null, CancellationToken cancellationToken = default) =>
        DownloadStart.ToFileAsync(RequirePipeline(), generation, path, options, cancellationToken);

    /// <summary>
    /// Streams the result into <paramref name="destination"/> from its current position, resuming like the path
    /// overload; flushed, never disposed. If the result changes mid-download (another <c>ETag</c>), a seekable stream is
    /// rewound and truncated and the download starts over; a non-seekable one throws <see cref="RivyaDownloadException"/>.
    /// </summary>
    /// <param name="generation">A succeeded task.</param>
    /// <param name="destination">A writable stream the caller owns.</param>
    /// <param name="options">Progress, URL, idle timeout, retries and size cap; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the download at once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="generation"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not writable.</exception>
    /// <exception cref="RivyaDownloadException">As for the path overload, or the result changed and the stream cannot seek back.</exception>
    /// <exception cref="RivyaConnectionException">The host could not be reached, or was idle past the timeout, and retries ran out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task DownloadAsync(Generation generation, Stream destination, DownloadOptions? options = null, CancellationToken cancellationToken = default) =>
        DownloadStart.ToStreamAsync(RequirePipeline(), generation, destination, options, cancellationToken);

    /// <summary>
    /// Reads the task <paramref name="id"/>, then downloads its result like
    /// <see cref="DownloadAsync(Generation, string, DownloadOptions?, CancellationToken)"/>. When the URL has expired
    /// (403/404/410), the task is read once more for fresh URLs and the download goes on where it stopped.
    /// </summary>
    /// <param name="id">The task id (<see cref="Generation.Id"/>).</param>
    /// <param name="path">The destination file; an existing one is replaced only with <see cref="DownloadOptions.Overwrite"/>.</param>
    /// <param name="options">Progress, overwrite, URL, idle timeout, retries and size cap; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the download at once; the temporary file is deleted.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    /// <exception cref="IOException">The file exists without <see cref="DownloadOptions.Overwrite"/> (only the task was read), or writing failed.</exception>
    /// <exception cref="RivyaNotFoundException">No such task for this account.</exception>
    /// <exception cref="RivyaDownloadException">The task has not succeeded (status in the message), or the download failed as for the other overloads.</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; no file is left.</exception>
    public virtual Task<FileInfo> DownloadAsync(string id, string path, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        RivyaPipeline.CheckId(id, nameof(id));
        return DownloadStart.ByIdAsync(RequirePipeline(), token => GetAsync(id, token), path, options, cancellationToken);
    }

    /// <summary>
    /// Reads the task <paramref name="id"/>, then streams its result into <paramref name="destination"/> (a web app's
    /// <c>Response.Body</c>, say) like <see cref="DownloadAsync(Generation, Stream, DownloadOptions?, CancellationToken)"/>:
    /// written from its current position, flushed, never disposed. When the URL has expired (403/404/410) the task is
    /// read once more for fresh URLs. If the download must start over (the result changed, or a resume could not be
    /// proved to continue the same file), a seekable stream is rewound and truncated; a non-seekable one ends the call
    /// with <see cref="RivyaDownloadException"/>, and the bytes already written to it are not a finished result.
    /// </summary>
    /// <param name="id">The task id (<see cref="Generation.Id"/>).</param>
    /// <param name="destination">A writable stream the caller owns.</param>
    /// <param name="options">Progress, URL, timeouts, retries, size cap and private-address opt-in; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the read or the download.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank, or <paramref name="destination"/> is not writable.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    /// <exception cref="RivyaNotFoundException">No such task for this account.</exception>
    /// <exception cref="RivyaDownloadException">The task has not succeeded, a target was refused, the download failed or timed out, or it had to start over on a non-seekable stream.</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task DownloadAsync(string id, Stream destination, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        RivyaPipeline.CheckId(id, nameof(id));
        return DownloadStart.ByIdToStreamAsync(RequirePipeline(), token => GetAsync(id, token), destination, options, cancellationToken);
    }
}
