using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk;

/// <summary>
/// One upload call after its checks passed: the file (<see cref="Body"/>), what the checks settled (<see cref="Check"/>)
/// and the form around the file (<see cref="UploadForm"/>), from which every attempt makes a fresh body.
/// </summary>
internal sealed class PreparedUpload
{
    private readonly byte[] _frame;
    private readonly int _headLength;
    private int _sent;

    private PreparedUpload(UploadBody body, UploadCheck check, string boundary, byte[] frame, int headLength)
    {
        Body = body;
        Check = check;
        FormContentType = UploadForm.ContentType(boundary);
        _frame = frame;
        _headLength = headLength;
    }

    public UploadBody Body { get; }

    public UploadCheck Check { get; }

    /// <summary>The request's Content-Type: <c>multipart/form-data</c> and the form's boundary.</summary>
    public string FormContentType { get; }

    /// <summary>The bytes sent before the file: the text fields and the file part's headers.</summary>
    public ReadOnlyMemory<byte> Head => _frame.AsMemory(0, _headLength);

    /// <summary>The bytes sent after the file: the closing boundary.</summary>
    public ReadOnlyMemory<byte> Tail => _frame.AsMemory(_headLength);

    /// <summary>False for a non-seekable stream: the call must not be retried.</summary>
    public bool CanResend => Body.CanResend;

    /// <summary>Reads the file's first bytes and length, and runs every check (unless skipped).</summary>
    /// <exception cref="RivyaValidationException">The upload breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="ArgumentException">The file name or content type cannot go in a part header; nothing was sent.</exception>
    public static async ValueTask<PreparedUpload> PrepareAsync(FileUpload upload, bool skipValidation, CancellationToken cancellationToken)
    {
        var fileName = FileNames.NameOnly(upload.FileName);
        UploadHeaderCheck.CheckFileName(fileName);
        var body = await upload.Source.ProbeAsync(cancellationToken).ConfigureAwait(false);
        var check = FileUploadValidator.Check(upload, fileName, body, skipValidation);
        UploadHeaderCheck.CheckContentType(check.ContentType);

        // A random boundary, as MultipartContent makes: a file or field holds it only by chance (one in 2^122).
        var boundary = Guid.NewGuid().ToString();
        var frame = UploadForm.Frame(boundary, upload, fileName, check.ContentType, out var headLength);
        return new PreparedUpload(body, check, boundary, frame, headLength);
    }

    /// <summary>False when a body that cannot be resent was already sent once.</summary>
    public bool TryBeginSend() => CanResend || Interlocked.Exchange(ref _sent, 1) == 0;

    /// <summary>A new body for one attempt; the file itself is read only when the body is sent.</summary>
    public HttpContent CreateContent()
    {
        var content = new FileBodyContent(this);
        content.Headers.TryAddWithoutValidation("Content-Type", FormContentType);
        return content;
    }
}
