using System;
using System.Collections.Generic;
using System.Linq;
using WireMock;

namespace Rivya.Sdk.Testing.Http;

/// <summary>What the handlers need of one request, copied out of WireMock's message so they never depend on it.</summary>
internal sealed class IncomingRequest
{
    private IncomingRequest(string method, string path, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Method = method;
        Path = path;
        Headers = headers;
        Body = body;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path without the query, e.g. <c>/api/v1/generations/task_1</c>.</summary>
    public string Path { get; }

    /// <summary>The headers, case-insensitive; repeated headers are joined with a comma.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The raw body (empty when none).</summary>
    public byte[] Body { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static IncomingRequest From(IRequestMessage message)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (message.Headers is { } source)
        {
            foreach (var header in source)
            {
                headers[header.Key] = string.Join(",", header.Value ?? Enumerable.Empty<string>());
            }
        }

        var body = message.BodyData?.BodyAsBytes ?? [];
        return new IncomingRequest(message.Method.ToUpperInvariant(), message.AbsolutePath, headers, body);
    }
}
