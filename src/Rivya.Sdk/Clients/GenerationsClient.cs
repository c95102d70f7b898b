using System;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;
using Rivya.Sdk.Downloads;
using Rivya.Sdk.Generations;
using Rivya.Sdk.Http;
using Rivya.Sdk.Serialization;
using Rivya.Sdk.Validation;

namespace Rivya.Sdk;

/// <summary>Submits generations and reads their status (<c>client.Generations</c>).</summary>
public partial class GenerationsClient
{
    private readonly RivyaPipeline _pipeline = null!;
    private static readonly DownloadOptions DefaultDownloadOptions = new();

    private readonly Uri _generationsUri = null!;

    internal GenerationsClient(RivyaPipeline pipeline)
    {
        _pipeline = pipeline;
        _generationsUri = pipeline.Resolve("api/v1/generations");
    }

    /// <summary>For mocking frameworks only.</summary>
    protected GenerationsClient()
    {
    }

    /// <summary>The pipeline, or <see cref="NotSupportedException"/> on a mocking-only instance.</summary>
    private RivyaPipeline RequirePipeline([CallerMemberName] string member = "") =>
        _pipeline ?? throw MockingOnly.NotSetUp(this, member);

    internal RivyaPipeline Pipeline => _pipeline;

    /// <inheritdoc cref="CreateAsync(GenerationRequest, RequestOptions?, CancellationToken)"/>
    public virtual Task<Generation> CreateAsync(GenerationRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(request, null, cancellationToken);

    /// <summary>
    /// Validates <paramref name="request"/> against its model's documented rules, then submits it
    /// (<c>POST /api/v1/generations</c>). Answers the accepted task, normally <c>queued</c>.
    /// </summary>
    /// <remarks>
    /// Every attempt sends the same <c>Idempotency-Key</c> (<see cref="RequestOptions.IdempotencyKey"/>, else one made
    /// for this call), so a retry after a lost answer never starts a second paid task. A 2xx whose body cannot be read
    /// is retried the same way; every exception thrown after sending carries the key.
    /// </remarks>
    /// <exception cref="RivyaValidationException">The request breaks documented rules; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">No API key is configured; nothing was sent.</exception>
    /// <exception cref="RivyaApiException">The server refused the request (a subclass says why).</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry; its <c>IdempotencyKey</c> reaches the task if it was created.</exception>
    /// <exception cref="RivyaOperationCanceledException"><paramref name="cancellationToken"/> was cancelled (an <see cref="OperationCanceledException"/>); its <c>IdempotencyKey</c> reaches the task if the server made it.</exception>
    public virtual Task<Generation> CreateAsync(GenerationRequest request, RequestOptions? options, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        if (options?.SkipValidation != true)
        {
            RivyaValidationException.ThrowIfAny(RequestValidator.Validate(request));
        }

        var call = new RivyaRequest("generations.create", HttpMethod.Post, _generationsUri)
        {
            JsonBody = JsonSerializer.SerializeToUtf8Bytes(request, RivyaJsonContext.Default.GenerationRequest),
            IdempotencyKey = string.IsNullOrEmpty(options?.IdempotencyKey) ? Guid.NewGuid().ToString() : options!.IdempotencyKey,
            Options = options,
        };
        var created = RequirePipeline().SendAsync(call, RivyaJsonContext.Default.Generation, cancellationToken);
        return RivyaMetrics.CreditsReserved.Enabled ? RecordCreatedAsync(created) : created;
    }

    private static async Task<Generation> RecordCreatedAsync(Task<Generation> created)
    {
        var generation = await created.ConfigureAwait(false);
        RivyaMetrics.RecordCreated(generation);
        return generation;
    }

    /// <inheritdoc cref="GetAsync(string, RequestOptions?, CancellationToken)"/>
    public virtual Task<Generation> GetAsync(string id, CancellationToken cancellationToken = default) =>
        GetAsync(id, null, cancellationToken);

    /// <summary>Reads a task's current status (<c>GET /api/v1/generations/{id}</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    /// <exception cref="RivyaNotFoundException">No such task for this account.</exception>
    /// <exception cref="RivyaApiException">Another server error.</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry.</exception>
    public virtual Task<Generation> GetAsync(string id, RequestOptions? options, CancellationToken cancellationToken = default)
    {
        var call = new RivyaRequest("generations.get", HttpMethod.Get, RequirePipeline().ResolveResource("api/v1/generations/", id, nameof(id)))
        {
            Options = options,
        };
        return RequirePipeline().SendAsync(call, RivyaJsonContext.Default.Generation, cancellationToken);
    }
    /// <summary>
    /// Streams <paramref name="generation"/>'s result to the file <paramref name="path"/> and answers it. Resumes a cut
    /// connection with <c>Range</c>/<c>If-Range</c>, writes to a temporary file beside <paramref name="path"/> and moves
    /// it into place only when complete, and never creates or re-creates a task.
    /// </summary>
    /// <remarks>
    /// The URL is <see cref="GenerationResult.PrimaryUrl"/> unless <see cref="DownloadOptions.UrlIndex"/> says. The API
    /// key is sent only to a URL on the API's own origin, never to a CDN. A missing directory is created.
    /// </remarks>
    /// <param name="generation">A succeeded task (from <c>CreateAndWaitAsync</c>, <c>WaitForCompletionAsync</c> or <c>GetAsync</c>).</param>
    /// <param name="path">The destination file; an existing one is replaced only with <see cref="DownloadOptions.Overwrite"/>.</param>
    /// <param name="options">Progress, overwrite, URL, idle timeout, retries and size cap; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the download at once; the temporary file is deleted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="generation"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file exists and <see cref="DownloadOptions.Overwrite"/> is false (nothing was sent), or writing the file failed.</exception>
    /// <exception cref="RivyaDownloadException">The task has not succeeded (nothing was sent), the result URL expired or is missing (403/404/410), the host answered another error, or the result passed <see cref="DownloadOptions.MaxBytes"/>.</exception>
    /// <exception cref="RivyaConnectionException">The result host could not be reached, or sent nothing for the idle timeout, and retries ran out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; no file is left.</exception>
    public virtual Task<FileInfo> DownloadAsync(Generation generation, string path, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(generation);
        var destination = Path.GetFullPath(Guard.NotNull(path));
        options ??= DefaultDownloadOptions;
        var url = ResultUrls.Pick(generation, options);
        var sink = FileSink.Create(destination, options.Overwrite);

        // The downloader owns the sink from here and answers its FileInfo (never null for a file).
        return new ResultDownloader(_pipeline).DownloadAsync(generation, url, refresh: null, sink, options, cancellationToken)!;
    }

    /// <summary>
    /// Streams <paramref name="generation"/>'s result into <paramref name="destination"/> (from its current position),
    /// resuming a cut connection like the path overload. The stream is flushed, never disposed.
    /// </summary>
    /// <remarks>
    /// If the result changes mid-download (its <c>ETag</c> differs), the download starts over: a seekable stream is
    /// rewound and truncated to where it began; a non-seekable one cannot be, and the call throws
    /// <see cref="RivyaDownloadException"/>.
    /// </remarks>
    /// <param name="generation">A succeeded task.</param>
    /// <param name="destination">A writable stream the caller owns.</param>
    /// <param name="options">Progress, URL, idle timeout, retries and size cap; null for the defaults (<see cref="DownloadOptions.Overwrite"/> does not apply).</param>
    /// <param name="cancellationToken">Stops the download at once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="generation"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not writable.</exception>
    /// <exception cref="RivyaDownloadException">As for the path overload, or the result changed and the stream cannot seek back.</exception>
    /// <exception cref="RivyaConnectionException">The result host could not be reached, or sent nothing for the idle timeout, and retries ran out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task DownloadAsync(Generation generation, Stream destination, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(generation);
        Guard.NotNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }

        options ??= DefaultDownloadOptions;
        var url = ResultUrls.Pick(generation, options);
        return new ResultDownloader(_pipeline).DownloadAsync(generation, url, refresh: null, new StreamSink(destination), options, cancellationToken);
    }

    /// <summary>
    /// Reads the task <paramref name="id"/> (<c>GET /api/v1/generations/{id}</c>), then downloads its result to
    /// <paramref name="path"/> like <see cref="DownloadAsync(Generation, string, DownloadOptions?, CancellationToken)"/>.
    /// When the result URL has expired (403, 404 or 410), the task is read once more for fresh URLs and the download
    /// goes on from where it stopped.
    /// </summary>
    /// <param name="id">The task id (<see cref="Generation.Id"/>).</param>
    /// <param name="path">The destination file; an existing one is replaced only with <see cref="DownloadOptions.Overwrite"/>.</param>
    /// <param name="options">Progress, overwrite, URL, idle timeout, retries and size cap; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the download at once; the temporary file is deleted.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    /// <exception cref="IOException">The file exists and <see cref="DownloadOptions.Overwrite"/> is false (only the task was read), or writing the file failed.</exception>
    /// <exception cref="RivyaNotFoundException">No such task for this account.</exception>
    /// <exception cref="RivyaDownloadException">The task has not succeeded (its status is in the message), or the download failed as for the other overloads.</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; no file is left.</exception>
    public virtual async Task<FileInfo> DownloadAsync(string id, string path, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckId(id);
        var destination = Path.GetFullPath(Guard.NotNull(path));
        options ??= DefaultDownloadOptions;
        var generation = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        var url = ResultUrls.Pick(generation, options);
        var sink = FileSink.Create(destination, options.Overwrite);
        return (await new ResultDownloader(_pipeline).DownloadAsync(generation, url, token => GetAsync(id, token), sink, options, cancellationToken).ConfigureAwait(false))!;
    }
}
