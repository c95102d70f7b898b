using System;
using System.Collections.Generic;
using System.Text;

namespace Rivya.Sdk.Testing;

/// <summary>
/// One request a <see cref="FakeRivyaServer"/> received, as recorded in <see cref="FakeRivyaServer.Requests"/>.
/// The <c>Authorization</c> header is redacted: the API key is never kept, shown or logged.
/// </summary>
public sealed class FakeRequest
{
    /// <summary>The header value that replaces the API key in <see cref="Headers"/>.</summary>
    public const string RedactedAuthorization = "Bearer [redacted]";

    private readonly byte[] _body;

    internal FakeRequest(
        string method,
        string path,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        bool hasValidApiKey,
        DateTimeOffset receivedAt)
    {
        Method = method;
        Path = path;
        Headers = headers;
        _body = body;
        HasValidApiKey = hasValidApiKey;
        ReceivedAt = receivedAt;
    }

    /// <summary>The HTTP method, upper case, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The path without the query, e.g. <c>/api/v1/generations</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// The request headers (case-insensitive names; repeated headers joined with a comma). <c>Authorization</c>,
    /// when sent, reads <see cref="RedactedAuthorization"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The <c>Idempotency-Key</c> header, or null when none was sent.</summary>
    public string? IdempotencyKey => Header("Idempotency-Key");

    /// <summary>The <c>Content-Type</c> header, or null when none was sent.</summary>
    public string? ContentType => Header("Content-Type");

    /// <summary>True when the request carried the key the fake accepts (the key itself is not kept).</summary>
    public bool HasValidApiKey { get; }

    /// <summary>When the request arrived, by the server's <see cref="FakeRivyaServerOptions.TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The raw body; empty when none was sent.</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>The body decoded as UTF-8 (a multipart upload's file bytes come out as they may).</summary>
    public string BodyText => Encoding.UTF8.GetString(_body);

    /// <summary>The value of header <paramref name="name"/> (case-insensitive), or null when it was not sent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The method and path, and the idempotency key when there is one, e.g. <c>POST /api/v1/generations (Idempotency-Key k1)</c>.</summary>
    public override string ToString() =>
        IdempotencyKey is { } key ? $"{Method} {Path} (Idempotency-Key {key})" : $"{Method} {Path}";
}
