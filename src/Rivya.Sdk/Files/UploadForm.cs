using System;
using System.Text;

namespace Rivya.Sdk;

/// <summary>
/// The multipart/form-data frame around an upload's file, written once per call and sent by every attempt: the text
/// fields and the file part's headers before the file, the closing boundary after it.
/// </summary>
/// <remarks>
/// Written here, not by <c>MultipartFormDataContent</c>: that builds a content and a header collection per field on
/// every attempt and parses each part's headers back into objects, about 2 KB of every upload's 7 (bench/README.md,
/// "Upload"). The bytes are the ones it sent: the fields in the order <c>kind</c>, <c>model</c>,
/// <c>client_request_id</c>, <c>file</c> (a streaming server knows the kind before the file arrives); no Content-Type on
/// a text field, as browsers send them; the file name as UTF-8 inside the quotes with <c>"</c>, CR and LF
/// percent-escaped (the HTML standard's form; <c>MultipartFormDataContent</c>'s own <c>filename*</c> is one some
/// servers reject).
/// </remarks>
internal static class UploadForm
{
    /// <summary>
    /// The bytes sent before the file (<paramref name="headLength"/> of them), then the bytes sent after it; and the
    /// request's Content-Type, <c>multipart/form-data</c> with the form's boundary.
    /// <paramref name="fileName"/> and <paramref name="fileContentType"/> were checked by <see cref="PreparedUpload.PrepareAsync"/>.
    /// </summary>
    public static byte[] Frame(FileUpload upload, string fileName, string fileContentType, out int headLength, out string formContentType)
    {
        // A random boundary, as MultipartContent makes: a file or field holds it only by chance (one in 2^122).
        var boundary = Guid.NewGuid().ToString();
        formContentType = "multipart/form-data; boundary=\"" + boundary + "\"";
        var escapedName = Escape(fileName);
        var measure = default(Writer);
        WriteHead(ref measure, boundary, upload, escapedName, fileContentType);
        headLength = measure.Length;
        WriteTail(ref measure, boundary);

        var write = new Writer(new byte[measure.Length]);
        WriteHead(ref write, boundary, upload, escapedName, fileContentType);
        WriteTail(ref write, boundary);
        return write.Bytes!;
    }

    private static void WriteHead(ref Writer writer, string boundary, FileUpload upload, string escapedName, string fileContentType)
    {
        WriteField(ref writer, boundary, "kind", upload.Kind.ToString());
        if (!string.IsNullOrEmpty(upload.Model))
        {
            WriteField(ref writer, boundary, "model", upload.Model!);
        }

        if (!string.IsNullOrEmpty(upload.ClientRequestId))
        {
            WriteField(ref writer, boundary, "client_request_id", upload.ClientRequestId!);
        }

        writer.Add("--", boundary, "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"");
        writer.Add(escapedName, "\"\r\nContent-Type: ", fileContentType);
        writer.Add("\r\n\r\n");
    }

    private static void WriteField(ref Writer writer, string boundary, string name, string value)
    {
        writer.Add("--", boundary, "\r\nContent-Disposition: form-data; name=\"");
        writer.Add(name, "\"\r\n\r\n", value);
        writer.Add("\r\n");
    }

    private static void WriteTail(ref Writer writer, string boundary) => writer.Add("\r\n--", boundary, "--\r\n");

    // The HTML standard's escaping for names in form-data: quote, CR and LF become percent escapes. Replace allocates
    // nothing when there is nothing to replace, the usual case.
    private static string Escape(string value) => value.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Counts UTF-8 bytes (no array) or writes them (an array of the counted size).</summary>
    private struct Writer(byte[]? bytes)
    {
        public byte[]? Bytes { get; } = bytes;

        public int Length { get; private set; }

        public void Add(string first, string second = "", string third = "")
        {
            Add1(first);
            Add1(second);
            Add1(third);
        }

        private void Add1(string text) =>
            Length += Bytes is null ? Encoding.UTF8.GetByteCount(text) : Encoding.UTF8.GetBytes(text, 0, text.Length, Bytes, Length);
    }
}
