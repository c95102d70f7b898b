using System;
using System.Buffers.Text;
using System.Globalization;
using System.IO;
using System.Text;

namespace Rivya.Sdk.Benchmarks.Server;

/// <summary>Where a request goes.</summary>
public enum Route
{
    NotFound,
    CreateGeneration,
    GetGeneration,
}

/// <summary>
/// Finds one complete HTTP/1.1 request at the start of a buffer, without allocating: the request line, the
/// headers that frame the body (<c>Content-Length</c>, <c>Transfer-Encoding: chunked</c>), and the body's end.
/// </summary>
public static class HttpRequestParser
{
    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;

    private static ReadOnlySpan<byte> GenerationsPath => "/api/v1/generations"u8;

    /// <summary>False while <paramref name="data"/> does not yet hold a whole request.</summary>
    /// <exception cref="InvalidDataException">The request is not HTTP/1.1 this server understands.</exception>
    public static bool TryParse(ReadOnlySpan<byte> data, out int consumed, out RequestInfo request)
    {
        consumed = 0;
        request = default;
        var headLength = data.IndexOf(HeadEnd);
        if (headLength < 0)
        {
            return false;
        }

        var head = data[..headLength];
        var lineEnd = head.IndexOf(CrLf);
        var requestLine = lineEnd < 0 ? head : head[..lineEnd];
        var firstSpace = requestLine.IndexOf((byte)' ');
        var lastSpace = requestLine.LastIndexOf((byte)' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace)
        {
            throw new InvalidDataException("Bad request line.");
        }

        var method = requestLine[..firstSpace];
        var target = requestLine[(firstSpace + 1)..lastSpace];

        var contentLength = 0;
        var chunked = false;
        var headers = lineEnd < 0 ? ReadOnlySpan<byte>.Empty : head[(lineEnd + 2)..];
        while (!headers.IsEmpty)
        {
            var end = headers.IndexOf(CrLf);
            var line = end < 0 ? headers : headers[..end];
            headers = end < 0 ? ReadOnlySpan<byte>.Empty : headers[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out contentLength, out _) || contentLength < 0)
                {
                    throw new InvalidDataException("Bad Content-Length.");
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = value.IndexOf("chunked"u8) >= 0;
            }
        }

        var bodyStart = headLength + HeadEnd.Length;
        int bodyEnd;
        if (chunked)
        {
            if (!TrySkipChunks(data, bodyStart, out bodyEnd))
            {
                return false;
            }
        }
        else
        {
            bodyEnd = bodyStart + contentLength;
            if (data.Length < bodyEnd)
            {
                return false;
            }
        }

        consumed = bodyEnd;
        request = new RequestInfo(RouteOf(method, target), headLength, bodyStart, bodyEnd, chunked);
        return true;
    }

    private static Route RouteOf(ReadOnlySpan<byte> method, ReadOnlySpan<byte> target)
    {
        if (method.SequenceEqual("POST"u8) && target.SequenceEqual(GenerationsPath))
        {
            return Route.CreateGeneration;
        }

        if (method.SequenceEqual("GET"u8)
            && target.Length > GenerationsPath.Length + 1
            && target.StartsWith(GenerationsPath)
            && target[GenerationsPath.Length] == (byte)'/')
        {
            return Route.GetGeneration;
        }

        return Route.NotFound;
    }

    /// <summary>Walks chunk-size lines, chunk data and the (empty) trailer section.</summary>
    private static bool TrySkipChunks(ReadOnlySpan<byte> data, int position, out int end)
    {
        end = 0;
        while (true)
        {
            var lineEnd = data[position..].IndexOf(CrLf);
            if (lineEnd < 0)
            {
                return false;
            }

            var sizeText = data.Slice(position, lineEnd);
            var extension = sizeText.IndexOf((byte)';');
            if (extension >= 0)
            {
                sizeText = sizeText[..extension];
            }

            if (!Utf8Parser.TryParse(sizeText.Trim((byte)' '), out int size, out _, 'X') || size < 0)
            {
                throw new InvalidDataException("Bad chunk size.");
            }

            position += lineEnd + CrLf.Length;
            if (size == 0)
            {
                // Trailer lines, then an empty line.
                while (true)
                {
                    var trailerEnd = data[position..].IndexOf(CrLf);
                    if (trailerEnd < 0)
                    {
                        return false;
                    }

                    position += trailerEnd + CrLf.Length;
                    if (trailerEnd == 0)
                    {
                        end = position;
                        return true;
                    }
                }
            }

            if (data.Length < position + size + CrLf.Length)
            {
                return false;
            }

            position += size + CrLf.Length;
        }
    }

    /// <summary>The de-chunked body of a chunked request (for the wire check only; allocates).</summary>
    internal static byte[] Dechunk(ReadOnlySpan<byte> chunkedBody)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = chunkedBody[position..].IndexOf(CrLf);
            var sizeText = Encoding.ASCII.GetString(chunkedBody.Slice(position, lineEnd)).Split(';')[0].Trim();
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            position += lineEnd + CrLf.Length;
            if (size == 0)
            {
                return output.ToArray();
            }

            output.Write(chunkedBody.Slice(position, size));
            position += size + CrLf.Length;
        }
    }
}

/// <summary>Where one parsed request lies in the buffer.</summary>
public readonly record struct RequestInfo(Route Route, int HeadLength, int BodyStart, int BodyEnd, bool Chunked)
{
    /// <summary>A copy of the request's head and (de-chunked) body, for the setup's wire check.</summary>
    public ParsedRequest Copy(ReadOnlySpan<byte> data)
    {
        var head = Encoding.ASCII.GetString(data[..HeadLength]);
        var body = data[BodyStart..BodyEnd];
        return new ParsedRequest(Route, head, Chunked ? HttpRequestParser.Dechunk(body) : body.ToArray());
    }
}

/// <summary>A recorded request: its route, head (request line and headers) and body bytes.</summary>
public sealed record ParsedRequest(Route Route, string Head, byte[] Body)
{
    /// <summary>The value of header <paramref name="name"/>, or null.</summary>
    public string? Header(string name)
    {
        foreach (var line in Head.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }
}
