using System;
using System.IO;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>
/// A file to upload with <see cref="FilesClient.UploadAsync"/>: made by <see cref="FromPath"/>,
/// <see cref="FromStream"/> or <see cref="FromBytes(byte[], string, MediaKind)"/>, then refined with <c>with</c>:
/// <code>FileUpload.FromPath("cat.png", MediaKind.Image) with { Model = "kling-3-0" }</code>
/// </summary>
/// <remarks>
/// Only <see cref="FileName"/> goes on the wire, never a directory. The file is streamed, never loaded into memory
/// whole; its type is read from its first bytes (PNG, JPEG, WebP, MP4/MOV, WebM, MP3, WAV, OGG, AAC) unless
/// <see cref="ContentType"/> says it. <see cref="FilesClient.UploadAsync"/> lists the checks and how retries resend it.
/// </remarks>
public sealed record FileUpload
{
    private static readonly char[] Separators = ['/', '\\'];

    private FileUpload(UploadSource source, string fileName, MediaKind kind)
    {
        Source = source;
        FileName = fileName;
        Kind = kind;
    }

    /// <summary>
    /// The name sent as the <c>file</c> part's <c>filename</c>, e.g. <c>cat.png</c>. A directory, if any, is dropped
    /// before sending. Its extension is the last resort for the content type.
    /// </summary>
    public string FileName { get; init; }

    /// <summary>
    /// The file's kind, sent as <c>kind</c>; it selects the Files API's limits (image: 10 MB of JPEG, PNG or WebP;
    /// video: 50 MB of MP4, QuickTime or WebM; audio: 10 MB of MPEG, MP4, WAV, AAC or OGG audio).
    /// </summary>
    public MediaKind Kind { get; init; }

    /// <summary>
    /// The model the file is for, sent as <c>model</c>, e.g. <c>kling-3-0</c>. The server then applies that model's
    /// rules; for a model the SDK knows (the Kling models: images only, JPEG, PNG or WebP, at most 10 MB) the SDK
    /// checks them first. Null (the default) sends no <c>model</c>.
    /// </summary>
    public string? Model { get; init; }

    /// <summary>
    /// The MIME type to declare, e.g. <c>image/png</c>. Null (the default): the type the file's bytes show, else the
    /// one its extension implies. When given, it must agree with the file's bytes.
    /// </summary>
    public string? ContentType { get; init; }

    /// <summary>Your own trace id, sent as <c>client_request_id</c>: at most 128 characters. Null sends none.</summary>
    public string? ClientRequestId { get; init; }

    internal UploadSource Source { get; }

    /// <summary>
    /// A file on disk. It is opened when the upload starts (and again for each retry) and streamed; its directory is
    /// never sent. Its length is read from the file system, so an oversized file is refused before sending.
    /// </summary>
    /// <param name="path">An absolute or relative path (resolved against the current directory now).</param>
    /// <param name="kind">The file's kind, e.g. <see cref="MediaKind.Image"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank, malformed, or names no file (ends with a separator).</exception>
    public static FileUpload FromPath(string path, MediaKind kind)
    {
        Guard.NotNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("A path is required.", nameof(path));
        }

        var fullPath = Path.GetFullPath(path);
        var name = Path.GetFileName(fullPath);
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"'{path}' names a directory, not a file.", nameof(path));
        }

        return new FileUpload(new UploadSource(fullPath), name, kind);
    }

    /// <summary>
    /// The data of <paramref name="stream"/> from its current position to its end. The caller owns the stream: the SDK
    /// never disposes or closes it, and it must stay open until the upload completes.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A <b>seekable</b> stream (<see cref="Stream.CanSeek"/>) is measured before sending (so an oversized one is refused
    /// before anything is sent), and each retry rewinds it to the position it had when the upload began.
    /// </para>
    /// <para>
    /// A <b>non-seekable</b> stream (a network or pipe stream, say) can be read only once, so its upload is sent once
    /// and <b>never retried</b>: a 503 or a dropped connection surfaces at once. Its first 12 bytes are read up front to
    /// learn its type (and are sent before the rest, so nothing is lost); its size is unknown until the end, so it is
    /// checked while streaming and an oversized stream aborts the request with <see cref="RivyaValidationException"/>.
    /// Such a stream can be uploaded once: a second <see cref="FilesClient.UploadAsync"/> of it reads what is left.
    /// </para>
    /// </remarks>
    /// <param name="stream">A readable stream, left open.</param>
    /// <param name="fileName">The name to send, e.g. <c>cat.png</c>; a directory part is dropped.</param>
    /// <param name="kind">The file's kind, e.g. <see cref="MediaKind.Image"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read, or <paramref name="fileName"/> holds no name.</exception>
    public static FileUpload FromStream(Stream stream, string fileName, MediaKind kind)
    {
        Guard.NotNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        return new FileUpload(new UploadSource(stream), RequireName(fileName), kind);
    }

    /// <summary>
    /// An upload of bytes already in memory. They are not copied: leave them unchanged until the upload completes.
    /// </summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="fileName">The name to send, e.g. <c>cat.png</c>; a directory part is dropped.</param>
    /// <param name="kind">The file's kind, e.g. <see cref="MediaKind.Image"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> holds no name.</exception>
    public static FileUpload FromBytes(ReadOnlyMemory<byte> bytes, string fileName, MediaKind kind) =>
        new(new UploadSource(bytes), RequireName(fileName), kind);

    /// <inheritdoc cref="FromBytes(ReadOnlyMemory{byte}, string, MediaKind)"/>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> or <paramref name="fileName"/> is null.</exception>
    public static FileUpload FromBytes(byte[] bytes, string fileName, MediaKind kind) =>
        FromBytes(new ReadOnlyMemory<byte>(Guard.NotNull(bytes)), fileName, kind);

    private static string RequireName(string fileName)
    {
        Guard.NotNull(fileName);
        var name = NameOnly(fileName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"'{fileName}' holds no file name, e.g. cat.png.", nameof(fileName));
        }

        return name;
    }

    /// <summary>
    /// The part after the last <c>/</c> or <c>\</c>, whatever the OS: a name from a Windows path must not leak its
    /// directory when the code runs on Linux, where <c>Path.GetFileName</c> keeps backslashes.
    /// </summary>
    internal static string NameOnly(string? fileName)
    {
        if (fileName is null)
        {
            return string.Empty;
        }

        var cut = fileName.LastIndexOfAny(Separators);
        return cut < 0 ? fileName : fileName.Substring(cut + 1);
    }
}
