using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;

namespace Rivya.Sdk.Tests.Support;

/// <summary>One part of a received multipart/form-data body: its raw headers and bytes.</summary>
internal sealed record MultipartPart(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Disposition => Headers["Content-Disposition"];

    public string? ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : null;

    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The <c>name="..."</c> of the Content-Disposition.</summary>
    public string Name => Parameter("name")!;

    public string? Parameter(string name)
    {
        foreach (var piece in Disposition.Split(';').Select(p => p.Trim()))
        {
            if (piece.StartsWith(name + "=", StringComparison.Ordinal))
            {
                return piece.Substring(name.Length + 1).Trim('"');
            }
        }

        return null;
    }
}

/// <summary>A strict parser of the bytes a server received, so tests see exactly what went on the wire.</summary>
internal static class MultipartBody
{
    public static IReadOnlyList<MultipartPart> Parse(byte[] body, string contentType)
    {
        var header = MediaTypeHeaderValue.Parse(contentType);
        if (header.MediaType != "multipart/form-data")
        {
            throw new FormatException("Not multipart/form-data: " + contentType);
        }

        var boundary = header.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<MultipartPart>();
        var position = IndexOf(body, delimiter, 0);
        if (position != 0)
        {
            throw new FormatException("The body does not start with the boundary.");
        }

        while (true)
        {
            position += delimiter.Length;
            if (body.AsSpan(position).StartsWith("--"u8))
            {
                return parts; // the closing delimiter
            }

            position += 2; // CRLF after the delimiter
            var headersEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), position);
            var headers = Encoding.UTF8.GetString(body, position, headersEnd - position)
                .Split("\r\n")
                .Select(line => line.Split(':', 2))
                .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var contentStart = headersEnd + 4;
            var next = IndexOf(body, [.. "\r\n"u8, .. delimiter], contentStart);
            if (next < 0)
            {
                throw new FormatException("A part is not closed by the boundary.");
            }

            parts.Add(new MultipartPart(headers, body.AsSpan(contentStart, next - contentStart).ToArray()));
            position = next + 2;
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int start)
    {
        var index = haystack.AsSpan(start).IndexOf(needle);
        return index < 0 ? -1 : start + index;
    }
}
