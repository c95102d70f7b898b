using System;
using System.IO;
using System.Text;

namespace Rivya.Sdk.Benchmarks.Server;

/// <summary>The server's answers, encoded once: status line, headers and the documented fixture JSON.</summary>
public sealed class ServerResponses
{
    private ServerResponses(byte[] createJson, byte[] succeededJson)
    {
        CreateJson = createJson;
        SucceededJson = succeededJson;
        Created = Encode("201 Created", createJson);
        Succeeded = Encode("200 OK", succeededJson);
        NotFound = Encode("404 Not Found", """{"error":{"code":"not_found","message":"No such route.","requestId":"req_bench"}}"""u8.ToArray());
    }

    public byte[] CreateJson { get; }

    public byte[] SucceededJson { get; }

    public ReadOnlyMemory<byte> Created { get; }

    public ReadOnlyMemory<byte> Succeeded { get; }

    public ReadOnlyMemory<byte> NotFound { get; }

    /// <summary>From the fixtures in tests/Rivya.Sdk.Tests/Fixtures/responses, embedded in this assembly.</summary>
    public static ServerResponses FromFixtures() =>
        new(Fixtures.Read("Fixtures.create.json"), Fixtures.Read("Fixtures.succeeded.json"));

    public ReadOnlyMemory<byte> For(Route route) => route switch
    {
        Route.CreateGeneration => Created,
        Route.GetGeneration => Succeeded,
        _ => NotFound,
    };

    private static byte[] Encode(string status, byte[] json)
    {
        var head = $"HTTP/1.1 {status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {json.Length}\r\n\r\n";
        using var stream = new MemoryStream();
        stream.Write(Encoding.ASCII.GetBytes(head));
        stream.Write(json);
        return stream.ToArray();
    }
}

/// <summary>The fixtures embedded from the test project.</summary>
public static class Fixtures
{
    public static byte[] Read(string name)
    {
        using var stream = typeof(Fixtures).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded fixture {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
