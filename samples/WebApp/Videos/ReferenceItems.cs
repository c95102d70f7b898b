using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rivya.Sdk;

namespace Rivya.Samples.WebApp.Videos;

/// <summary>
/// Reads <c>params.referenceMediaItems</c> (camelCase items: <c>url</c>, <c>kind</c>, <c>name</c>, <c>mimeType</c>,
/// <c>durationSeconds</c>, <c>durationToken</c>). Only the shape is checked here; the SDK checks the kinds, types,
/// counts and URLs.
/// </summary>
internal static class ReferenceItems
{
    private const string Path = "params.referenceMediaItems";

    public static IReadOnlyList<ReferenceMediaItem>? Read(JsonNode? node, List<ValidationError> errors)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            errors.Add(new ValidationError(Path, "must be an array of objects."));
            return null;
        }

        var items = new List<ReferenceMediaItem>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{Path}[{i}]");
            if (array[i] is not JsonObject item)
            {
                errors.Add(new ValidationError(at, "must be an object."));
                continue;
            }

            var url = String(item, "url", at, errors, required: true);
            var kind = String(item, "kind", at, errors, required: true);
            items.Add(new ReferenceMediaItem
            {
                Url = url ?? string.Empty,
                Kind = kind ?? string.Empty,
                Name = String(item, "name", at, errors),
                MimeType = String(item, "mimeType", at, errors),
                DurationToken = String(item, "durationToken", at, errors),
                DurationSeconds = item["durationSeconds"] is JsonValue seconds && seconds.GetValueKind() == JsonValueKind.Number ? seconds.GetValue<double>() : null,
            });
        }

        return items;
    }

    private static string? String(JsonObject item, string key, string at, List<ValidationError> errors, bool required = false)
    {
        switch (item[key])
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>();
            case null when !required:
                return null;
            default:
                errors.Add(new ValidationError($"{at}.{key}", required ? "is required and must be a string." : "must be a string."));
                return null;
        }
    }
}
