using System;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;
using Rivya.Sdk.Serialization;

namespace Rivya.Sdk;

/// <summary>Uploads reference files and reads their metadata (<c>client.Files</c>).</summary>
public class FilesClient
{
    private readonly RivyaPipeline _pipeline = null!;
    private readonly Uri _filesUri = null!;

    internal FilesClient(RivyaPipeline pipeline)
    {
        _pipeline = pipeline;
        _filesUri = pipeline.Resolve("api/v1/files");
    }

    /// <summary>For mocking frameworks only.</summary>
    protected FilesClient()
    {
    }

    private RivyaPipeline RequirePipeline([CallerMemberName] string member = "") =>
        _pipeline ?? throw MockingOnly.NotSetUp(this, member);

    /// <summary>
    /// Checks <paramref name="upload"/> against the Files API's limits, then streams it
    /// (<c>POST /api/v1/files</c>, multipart/form-data with the parts <c>kind</c>, <c>model</c> and
    /// <c>client_request_id</c> when given, and <c>file</c>). Answers the stored file; pass
    /// <see cref="RivyaFile.ToReferenceMediaItem"/> to a generation's <c>ReferenceMediaItems</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Before anything is sent: the content type is settled (<see cref="FileUpload.ContentType"/>, else the file's
    /// magic bytes, else its extension) and the kind's size and MIME limits, the target model's rules (when
    /// <see cref="FileUpload.Model"/> is a model the SDK knows), agreement between the file's bytes and its declared type,
    /// a non-empty file and a <c>client_request_id</c> of at most 128 characters are checked, every violation listed
    /// at once. <see cref="RequestOptions.SkipValidation"/> skips these checks (the server still applies its own).
    /// </para>
    /// <para>
    /// Retries: Rivya documents no idempotency for uploads. The SDK sends an <c>Idempotency-Key</c>
    /// (<see cref="RequestOptions.IdempotencyKey"/>, else one made for this call, the same on every attempt) and retries
    /// an upload like any other idempotent call, re-sending the whole file: a path is re-opened, a seekable stream is
    /// rewound. If the server ignores the key, a retry after a lost answer may store a second copy of the file; an
    /// upload costs no credits. A non-seekable stream is sent once and never retried.
    /// </para>
    /// <para>
    /// Each attempt may take up to <see cref="RivyaClientOptions.UploadTimeout"/> (default 10 minutes), unless
    /// <see cref="RequestOptions.Timeout"/> says otherwise.
    /// </para>
    /// </remarks>
    /// <param name="upload">The file, e.g. <c>FileUpload.FromPath("cat.png", MediaKind.Image) with { Model = "kling-3-0" }</c>.</param>
    /// <param name="options">Per-call settings; null for the client's.</param>
    /// <param name="cancellationToken">Cancels the checks, the send and any retry wait.</param>
    /// <exception cref="ArgumentNullException"><paramref name="upload"/> is null.</exception>
    /// <exception cref="RivyaValidationException">
    /// The file breaks a documented rule; nothing was sent. For a non-seekable stream, also thrown while sending when the
    /// stream turns out larger than the limit (the request is abandoned mid-body).
    /// </exception>
    /// <exception cref="System.IO.IOException">The file cannot be read (not found, locked, changed size while sending).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="InvalidOperationException">No API key is configured; nothing was sent.</exception>
    /// <exception cref="RivyaApiException">The server refused the file (a subclass says why).</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry.</exception>
    public virtual async Task<RivyaFile> UploadAsync(FileUpload upload, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(upload);
        if (!RequirePipeline().HasApiKey)
        {
            // Fail before the file is opened or a non-seekable stream is read.
            throw MissingApiKey.Exception();
        }

        var prepared = await PreparedUpload.PrepareAsync(upload, options?.SkipValidation == true, cancellationToken).ConfigureAwait(false);
        var call = new RivyaRequest("files.upload", HttpMethod.Post, _filesUri)
        {
            ContentFactory = prepared.CreateContent,
            IdempotencyKey = RequestOptions.KeyOf(options),
            CanResend = prepared.CanResend,
            Options = options,
            DefaultTimeout = RequirePipeline().Options.UploadTimeout,
        };

        try
        {
            return await RequirePipeline().SendAsync(call, RivyaJsonContext.Default.RivyaFile, cancellationToken).ConfigureAwait(false);
        }
        catch (UploadSourceException exception)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException!).Throw();
            throw;
        }
    }

    /// <inheritdoc cref="GetAsync(string, RequestOptions?, CancellationToken)"/>
    public virtual Task<RivyaFile> GetAsync(string fileId, CancellationToken cancellationToken = default) =>
        GetAsync(fileId, null, cancellationToken);

    /// <summary>Reads an uploaded file's metadata (<c>GET /api/v1/files/{fileId}</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="fileId"/> is null or blank.</exception>
    /// <exception cref="RivyaNotFoundException">No such file for this account.</exception>
    /// <exception cref="RivyaApiException">Another server error.</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry.</exception>
    public virtual Task<RivyaFile> GetAsync(string fileId, RequestOptions? options, CancellationToken cancellationToken = default)
    {
        var call = new RivyaRequest("files.get", HttpMethod.Get, RequirePipeline().ResolveResource("api/v1/files/", fileId, nameof(fileId)))
        {
            Options = options,
        };
        return RequirePipeline().SendAsync(call, RivyaJsonContext.Default.RivyaFile, cancellationToken);
    }
}
