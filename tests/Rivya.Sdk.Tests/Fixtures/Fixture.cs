using System;
using System.IO;
using System.Text.Json.Nodes;

namespace Rivya.Sdk.Tests;

/// <summary>Rivya's documented JSON examples, copied from the spec into Fixtures/.</summary>
internal static class Fixture
{
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public static JsonNode Json(string relativePath) => JsonNode.Parse(Read(relativePath))!;
}
