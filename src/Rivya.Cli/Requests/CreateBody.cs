using System.Collections.Generic;
using System.Text.Json.Nodes;
using Rivya.Sdk;

namespace Rivya.Cli.Requests;

/// <summary>
/// One create, as data: what the journal keeps so that a re-run sends the very same body with the same key (the
/// server then answers the task it already made, charging nothing).
/// </summary>
internal sealed record CreateBody(string Model, string Prompt, JsonObject Params, string? ClientRequestId)
{
    private const string ReferencesKey = "referenceMediaItems";

    /// <summary>A copy with <paramref name="items"/> as <c>params.referenceMediaItems</c> (uploaded files).</summary>
    public CreateBody WithReferences(IEnumerable<ReferenceMediaItem> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            var node = new JsonObject { ["url"] = item.Url, ["kind"] = item.Kind.ToString() };
            if (item.Name is { } name)
            {
                node["name"] = name;
            }

            if (item.MimeType is { } mime)
            {
                node["mimeType"] = mime;
            }

            array.Add((JsonNode)node);
        }

        var copy = (JsonObject)Params.DeepClone();
        copy[ReferencesKey] = array;
        return this with { Params = copy };
    }

    public GenerationRequest ToRequest() => new()
    {
        Prompt = Prompt,
        Params = new RawModelParams(Model, (JsonObject)Params.DeepClone()),
        ClientRequestId = ClientRequestId,
    };

    /// <summary>The SDK's estimate (the model's base credits), or null for a model it does not know.</summary>
    public int? EstimateCredits() => ToRequest().EstimateCredits();

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["model"] = Model, ["prompt"] = Prompt, ["params"] = Params.DeepClone() };
        if (ClientRequestId is not null)
        {
            json["client_request_id"] = ClientRequestId;
        }

        return json;
    }

    public static CreateBody? FromJson(JsonNode? node) =>
        node is JsonObject json
        && json["model"]?.GetValue<string>() is { } model
        && json["prompt"]?.GetValue<string>() is { } prompt
        && json["params"] is JsonObject parameters
            ? new CreateBody(model, prompt, (JsonObject)parameters.DeepClone(), json["client_request_id"]?.GetValue<string>())
            : null;
}
