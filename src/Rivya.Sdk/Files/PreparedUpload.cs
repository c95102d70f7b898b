using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>
/// One upload call after its checks passed: the file's probe, what the checks settled and the form around the file
/// (<see cref="UploadForm"/>), from which every attempt makes a fresh body.
/// </summary>
internal sealed class PreparedUpload(
    FileUpload upload, ReadOnlyMemory<byte> header, long? length, long start, long maxBytes, byte[] frame, int headLength,
    string formContentType)
{
    private int _sent;

    /// <summary>The file's size in bytes; null for a non-seekable stream, whose size is known only at its end.</summary>
    public long? Length { get; } = length;

    /// <summary>False for a non-seekable stream: its bytes can be read once, so the call is never retried.</summary>
    public bool CanResend => Length is not null;

    /// <summary>The largest file allowed, in bytes (<see cref="long.MaxValue"/> when nothing limits it).</summary>
    public long MaxBytes { get; } = maxBytes;

    /// <summary>The bytes sent before the file: the text fields and the file part's headers.</summary>
    public ReadOnlyMemory<byte> Head => frame.AsMemory(0, headLength);

    /// <summary>The bytes sent after the file: the closing boundary.</summary>
    public ReadOnlyMemory<byte> Tail => frame.AsMemory(headLength);

    /// <summary>
    /// Bytes an attempt sends before <see cref="OpenRest"/>'s: the whole file from memory, or a non-seekable stream's
    /// header (it cannot be put back into the stream, so it goes on the wire first, then the rest).
    /// </summary>
    public ReadOnlyMemory<byte> Prefix => upload.Source.Stream is null ? upload.Source.Bytes : CanResend ? default : header;

    /// <summary>True when the stream <see cref="OpenRest"/> returns is the SDK's to dispose (a file it opened).</summary>
    public bool OwnsRest => upload.Source.Path is not null;

    /// <summary>Says which limit <see cref="MaxBytes"/> is, for the running size cap's message only.</summary>
    public string LimitText => FileUploadValidator.LimitText(upload.Kind, ModelCatalog.Find(upload.Model));

    /// <summary>Reads the file's first bytes and length, and runs every check (unless skipped).</summary>
    /// <exception cref="RivyaValidationException">The upload breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="ArgumentException">The file name or content type cannot go in a part header; nothing was sent.</exception>
    public static async ValueTask<PreparedUpload> PrepareAsync(FileUpload upload, bool skipValidation, CancellationToken cancellationToken)
    {
        var fileName = FileUpload.NameOnly(upload.FileName);
        CheckFileName(fileName);
        var (header, length, start) = await upload.Source.ProbeAsync(cancellationToken).ConfigureAwait(false);
        var contentType = FileUploadValidator.Check(upload, fileName, header, length, skipValidation, out var maxBytes);

        // The wire-safety checks of the file part's headers run even under SkipValidation: that switch skips Rivya's
        // documented rules (which already refuse a value that is not a MIME type), never the rules that keep the
        // request well-formed.
        HeaderValues.Check("FileUpload.ContentType", contentType, nameof(contentType));

        var frame = UploadForm.Frame(upload, fileName, contentType, out var headLength, out var formContentType);
        return new PreparedUpload(upload, header, length, start, maxBytes, frame, headLength, formContentType);
    }

    /// <summary>False when a body that cannot be resent was already sent once.</summary>
    public bool TryBeginSend() => CanResend || Interlocked.Exchange(ref _sent, 1) == 0;

    /// <summary>Opens (or rewinds) the rest of the file for one attempt; null for bytes in memory.</summary>
    /// <exception cref="UploadSourceException">The file cannot be opened, or the stream rewound.</exception>
    public Stream? OpenRest()
    {
        try
        {
            if (upload.Source.Path is { } path)
            {
                return UploadSource.Open(path);
            }

            if (upload.Source.Stream is { } stream && CanResend)
            {
                stream.Position = start;
            }

            return upload.Source.Stream;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            throw new UploadSourceException(exception);
        }
    }

    /// <summary>A new body for one attempt; the file itself is read only when the body is sent.</summary>
    public HttpContent CreateContent()
    {
        var content = new FileBodyContent(this);
        content.Headers.TryAddWithoutValidation("Content-Type", formContentType);
        return content;
    }

    private static void CheckFileName(string fileName)
    {
        for (var i = 0; i < fileName.Length; i++)
        {
            if (char.IsControl(fileName[i]))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "FileUpload.FileName contains {0} at index {1}: a file name may not hold control characters. Nothing was sent.", HeaderValues.Describe(fileName[i]), i),
                    nameof(fileName));
            }
        }

        if (fileName.Length > 0 && fileName.Trim('.').Length == 0)
        {
            throw new ArgumentException($"FileUpload.FileName '{fileName}' is only dots: give a real name such as cat.png. Nothing was sent.", nameof(fileName));
        }
    }
}
