#if !NET8_0_OR_GREATER
using System;
#endif
using System.Net.Http;
using System.Text;

namespace Rivya.Sdk;

/// <summary>
/// The headers of multipart/form-data parts, written by hand: <c>MultipartFormDataContent.Add(content, name)</c>
/// leaves names unquoted on recent runtimes and adds a <c>filename*</c> that some servers reject.
/// </summary>
internal static class FormData
{
    /// <summary>A text field: <c>Content-Disposition: form-data; name="..."</c> and no Content-Type, as browsers send it.</summary>
    public static HttpContent Field(string name, string value)
    {
        // Bytes, not a StringContent whose text/plain Content-Type would be built only to be removed.
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
        content.Headers.TryAddWithoutValidation("Content-Disposition", string.Concat("form-data; name=\"", Escape(name), "\""));
        return content;
    }

    /// <summary>
    /// <c>form-data; name="file"; filename="cat.png"</c>. A non-ASCII name is sent as UTF-8 in the quotes (the HTML
    /// standard's form); where headers cannot carry UTF-8 (the netstandard2.0 build), as an ASCII stand-in plus
    /// <c>filename*</c> (RFC 6266).
    /// </summary>
    public static string FileDisposition(string name, string fileName)
    {
#if NET8_0_OR_GREATER
        return string.Concat("form-data; name=\"", Escape(name), "\"; filename=\"", Escape(fileName), "\"");
#else
        var disposition = "form-data; name=" + Quote(name) + "; filename=";
        if (IsAscii(fileName))
        {
            return disposition + Quote(fileName);
        }

        var stand = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            stand.Append(c < 0x80 ? c : '_');
        }

        return disposition + Quote(stand.ToString()) + "; filename*=UTF-8''" + Uri.EscapeDataString(fileName);
#endif
    }

    // The HTML standard's escaping for names in form-data: quote, CR and LF become percent escapes.
#if !NET8_0_OR_GREATER
    private static string Quote(string value) =>
        "\"" + Escape(value) + "\"";
#endif

    // Replace allocates nothing when there is nothing to replace, the usual case.
    private static string Escape(string value) => value.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");

#if !NET8_0_OR_GREATER
    private static bool IsAscii(string value)
    {
        foreach (var c in value)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }
#endif
}
