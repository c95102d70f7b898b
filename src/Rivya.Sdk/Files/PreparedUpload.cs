using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
#if NET8_0_OR_GREATER
using System.Text;
#endif

namespace Rivya.Sdk;

/// <summary>
/// One upload call after its checks passed: builds a fresh multipart/form-data body for every attempt, with the text
/// fields first (so a streaming server knows the kind and model before the file arrives) and the file part last.
/// </summary>
internal sealed class PreparedUpload
{
    private readonly FileUpload _upload;
    private readonly string _fileName;
    private readonly UploadBody _body;
    private readonly UploadCheck _check;

    private PreparedUpload(FileUpload upload, string fileName, UploadBody body, UploadCheck check)
    {
        _upload = upload;
        _fileName = fileName;
        _body = body;
        _check = check;
    }

    /// <summary>False for a non-seekable stream: the call must not be retried.</summary>
    public bool CanResend => _body.CanResend;

    /// <summary>Reads the file's first bytes and length, and runs every check (unless skipped).</summary>
    /// <exception cref="RivyaValidationException">The upload breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="System.ArgumentException">The file name or content type cannot go in a part header; nothing was sent.</exception>
    public static async ValueTask<PreparedUpload> PrepareAsync(FileUpload upload, bool skipValidation, CancellationToken cancellationToken)
    {
        var fileName = FileNames.NameOnly(upload.FileName);
        UploadHeaderCheck.CheckFileName(fileName);
        var body = await upload.Source.ProbeAsync(cancellationToken).ConfigureAwait(false);
        var check = FileUploadValidator.Check(upload, fileName, body, skipValidation);
        UploadHeaderCheck.CheckContentType(check.ContentType);
        return new PreparedUpload(upload, fileName, body, check);
    }

    /// <summary>A new body for one attempt; the file itself is read only when the body is sent.</summary>
    public HttpContent CreateContent()
    {
        var form = new MultipartFormDataContent();
#if NET8_0_OR_GREATER
        // Browsers send a non-ASCII file name as raw UTF-8 inside the quotes; the default (Latin-1) would mangle it.
        form.HeaderEncodingSelector = static (_, _) => Encoding.UTF8;
#endif
        form.Add(FormData.Field("kind", _upload.Kind.ToString()));
        if (!string.IsNullOrEmpty(_upload.Model))
        {
            form.Add(FormData.Field("model", _upload.Model!));
        }

        if (!string.IsNullOrEmpty(_upload.ClientRequestId))
        {
            form.Add(FormData.Field("client_request_id", _upload.ClientRequestId!));
        }

        var file = new FileBodyContent(_body, _check);
        file.Headers.TryAddWithoutValidation("Content-Disposition", FormData.FileDisposition("file", _fileName));
        file.Headers.TryAddWithoutValidation("Content-Type", _check.ContentType);
        form.Add(file);
        return form;
    }
}
