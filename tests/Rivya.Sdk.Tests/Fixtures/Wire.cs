using System.Text.Json;
using System.Text.Json.Nodes;
using Rivya.Sdk.Serialization;

namespace Rivya.Sdk.Tests;

/// <summary>Serializes requests and parses responses exactly as the client does: through the source-generated context.</summary>
internal static class Wire
{
    public static string Serialize(GenerationRequest request) =>
        JsonSerializer.Serialize(request, RivyaJsonContext.Default.GenerationRequest);

    public static JsonObject Json(GenerationRequest request) => JsonNode.Parse(Serialize(request))!.AsObject();

    public static JsonObject Params(GenerationRequest request) => Json(request)["params"]!.AsObject();

    public static GenerationRequest Request(ModelParams parameters, string prompt = Documented.Prompt) =>
        new() { Prompt = prompt, Params = parameters };

    public static Generation Generation(string json) =>
        JsonSerializer.Deserialize(json, RivyaJsonContext.Default.Generation)!;
}
