using System;
using System.Collections.Generic;
using System.Net.Http.Headers;
using System.Text;

namespace Rivya.Sdk.Testing.Files;

/// <summary>
/// Reads a <c>multipart/form-data</c> body (RFC 7578) from its raw bytes: WireMock hands the body over unparsed, and
/// parsing it here keeps file bytes exact (no text decoding on the way).
/// </summary>
internal static class MultipartParser
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    public static bool TryParse(string? contentType, ReadOnlyMemory<byte> body, out List<MultipartSection> sections, out string error)
    {
        sections = [];
        if (!TryGetBoundary(contentType, out var boundary, out error))
        {
            return false;
        }

        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var span = body.Span;
        var start = span.IndexOf(delimiter);
        if (start < 0)
        {
            error = "The multipart body holds no part (its boundary never occurs).";
            return false;
        }

        var position = start + delimiter.Length;
        var nextDelimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        while (true)
        {
            var rest = span.Slice(position);
            if (rest.StartsWith("--"u8))
            {
                return true;
            }

            if (!rest.StartsWith("\r\n"u8))
            {
                error = "A multipart boundary is not followed by CRLF.";
                return false;
            }

            position += 2;
            var headersLength = span.Slice(position).IndexOf(HeaderEnd);
            if (headersLength < 0)
            {
                error = "A multipart part has no end of headers.";
                return false;
            }

            var headers = Encoding.UTF8.GetString(span.Slice(position, headersLength));
            var contentStart = position + headersLength + HeaderEnd.Length;
            var contentLength = span.Slice(contentStart).IndexOf(nextDelimiter);
            if (contentLength < 0)
            {
                error = "A multipart part is not closed by the boundary.";
                return false;
            }

            if (!TryReadHeaders(headers, out var name, out var fileName, out var partType, out error))
            {
                return false;
            }

            sections.Add(new MultipartSection(name, fileName, partType, body.Slice(contentStart, contentLength)));
            position = contentStart + contentLength + nextDelimiter.Length;
        }
    }

    private static bool TryGetBoundary(string? contentType, out string boundary, out string error)
    {
        boundary = string.Empty;
        if (contentType is null
            || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !string.Equals(mediaType.MediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            error = "The body must be multipart/form-data.";
            return false;
        }

        foreach (var parameter in mediaType.Parameters)
        {
            if (string.Equals(parameter.Name, "boundary", StringComparison.OrdinalIgnoreCase) && parameter.Value is { Length: > 0 } value)
            {
                boundary = value.Trim('"');
                error = string.Empty;
                return boundary.Length > 0;
            }
        }

        error = "The multipart/form-data Content-Type has no boundary.";
        return false;
    }

    private static bool TryReadHeaders(string headers, out string name, out string? fileName, out string? contentType, out string error)
    {
        name = string.Empty;
        fileName = null;
        contentType = null;
        ContentDispositionHeaderValue? disposition = null;
        foreach (var line in headers.Split(["\r\n"], StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var headerName = line.Substring(0, colon).Trim();
            var value = line.Substring(colon + 1).Trim();
            if (headerName.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
            {
                disposition = ContentDispositionHeaderValue.TryParse(value, out var parsed) ? parsed : null;
            }
            else if (headerName.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
        }

        if (disposition is null || !string.Equals(disposition.DispositionType, "form-data", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(disposition.Name))
        {
            error = "A multipart part has no 'Content-Disposition: form-data; name=...' header.";
            return false;
        }

        name = Unquote(disposition.Name);
        var rawFileName = disposition.FileNameStar ?? disposition.FileName;
        fileName = rawFileName is null ? null : Unquote(rawFileName);
        error = string.Empty;
        return true;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"' ? value.Substring(1, value.Length - 2) : value;
}
