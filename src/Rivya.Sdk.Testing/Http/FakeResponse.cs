using System;
using System.Collections.Generic;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Rivya.Sdk.Testing.Http;

/// <summary>An answer of the fake, turned into WireMock's response message at the very end.</summary>
internal sealed class FakeResponse
{
    public const string JsonContentType = "application/json; charset=utf-8";

    private readonly List<KeyValuePair<string, string>> _headers = [];

    public FakeResponse(int statusCode, byte[] body, string contentType)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
    }

    public int StatusCode { get; }

    public byte[] Body { get; }

    public string ContentType { get; }

    public static FakeResponse Json(int statusCode, byte[] json) => new(statusCode, json, JsonContentType);

    public FakeResponse WithHeader(string name, string value)
    {
        _headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    public ResponseMessage ToResponseMessage()
    {
        var message = new ResponseMessage
        {
            StatusCode = StatusCode,
            BodyData = new BodyData { BodyAsBytes = Body, DetectedBodyType = BodyType.Bytes },
        };
        message.AddHeader("Content-Type", ContentType);
        foreach (var header in _headers)
        {
            message.AddHeader(header.Key, header.Value);
        }

        return message;
    }
}
