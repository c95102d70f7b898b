using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rivya.Sdk.Testing.Generations;

/// <summary>How the create-body validators test a JSON value's type and quote it back in an error message.</summary>
internal static class JsonNodeText
{
    public static bool IsString(JsonNode node) => node.GetValueKind() == JsonValueKind.String;

    /// <summary>The value as JSON text (<c>null</c> for a JSON null or a missing value), for "got ..." in a message.</summary>
    public static string Describe(JsonNode? node) => node is null ? "null" : node.ToJsonString();
}
