using System.Text.Json;
using System.Text.Json.Nodes;
using Rivya.Sdk;

namespace Rivya.Samples.WebApp.Videos;

/// <summary>
/// The body of <c>POST /videos</c>, <c>{"model": "kling-3-0", "prompt": "...", "params": {...}}</c>, read into a
/// <see cref="GenerationRequest"/> and validated by the SDK. The same text is stored with the create job, which reads
/// it again the same way.
/// </summary>
internal static class VideoBody
{
    /// <summary>The request, or every error at once (keyed by the SDK's paths: <c>prompt</c>, <c>params.duration</c>).</summary>
    public static (GenerationRequest? Request, IReadOnlyList<ValidationError> Errors) Read(string json, string? clientRequestId)
    {
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return (null, [new ValidationError("body", "must be a JSON object.")]);
        }

        if (body is not JsonObject fields)
        {
            return (null, [new ValidationError("body", "must be a JSON object.")]);
        }

        var errors = new List<ValidationError>();
        var model = Text(fields, "model", errors);
        var prompt = Text(fields, "prompt", errors);
        if (model is null && !errors.Exists(e => e.Path == "model"))
        {
            errors.Add(new ValidationError("model", "is required, e.g. \"kling-3-0\"."));
        }

        JsonObject? wireParams = fields["params"] switch
        {
            null => [],
            JsonObject given => given,
            _ => null,
        };
        if (wireParams is null)
        {
            errors.Add(new ValidationError("params", "must be an object, in Rivya's wire shape (\"duration\": \"5\")."));
        }

        if (model is null || wireParams is null || string.IsNullOrWhiteSpace(model))
        {
            return (null, errors);
        }

        var request = new GenerationRequest
        {
            Prompt = prompt!,
            Params = WireParams.Read(model, wireParams, errors),
            ClientRequestId = clientRequestId,
        };
        errors.AddRange(request.Validate());
        return errors.Count == 0 ? (request, errors) : (null, errors);
    }

    private static string? Text(JsonObject fields, string key, List<ValidationError> errors)
    {
        var node = fields[key];
        if (node is null || (node is JsonValue value && value.GetValueKind() == JsonValueKind.String))
        {
            return node?.GetValue<string>();
        }

        errors.Add(new ValidationError(key, "must be a string."));
        return null;
    }
}
