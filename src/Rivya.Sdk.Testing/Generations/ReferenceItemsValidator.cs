using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rivya.Sdk.Validation;

namespace Rivya.Sdk.Testing.Generations;

/// <summary>
/// Checks <c>params.referenceMediaItems</c> of a create body against the model's <see cref="ReferenceRules"/> (how many
/// items, which kinds and MIME types, an absolute http(s) URL by the SDK's own <see cref="ReferenceUrl"/> rule).
/// </summary>
internal static class ReferenceItemsValidator
{
    /// <summary>The <c>params</c> key that holds the reference media.</summary>
    public const string Key = "referenceMediaItems";

    private const string ParamsPath = "params." + Key;

    public static void Validate(JsonNode? node, ModelDefinition model, List<string> errors)
    {
        if (node is not JsonArray items)
        {
            errors.Add($"{ParamsPath}: must be an array; got {JsonNodeText.Describe(node)}.");
            return;
        }

        var rules = model.References;
        if (items.Count > rules.MaxItems)
        {
            errors.Add(FormattableString.Invariant($"{ParamsPath}: must hold at most {rules.MaxItems} item(s) for {model.Id}; got {items.Count}."));
        }

        for (var i = 0; i < items.Count; i++)
        {
            var path = FormattableString.Invariant($"{ParamsPath}[{i}]");
            if (items[i] is not JsonObject item)
            {
                errors.Add($"{path}: must be an object with url and kind.");
                continue;
            }

            ValidateReferenceItem(item, path, rules, errors);
        }
    }

    private static void ValidateReferenceItem(JsonObject item, string path, ReferenceRules rules, List<string> errors)
    {
        var url = item["url"];
        if (url is null || !JsonNodeText.IsString(url) || !ReferenceUrl.IsAbsoluteHttpUrl(url.GetValue<string>()))
        {
            errors.Add($"{path}.url: is required and must be an absolute http or https URL; got {JsonNodeText.Describe(url)}.");
        }

        var kind = item["kind"];
        if (kind is null || !JsonNodeText.IsString(kind))
        {
            errors.Add($"{path}.kind: is required and must be one of {string.Join(", ", rules.AllowedKinds)}; got {JsonNodeText.Describe(kind)}.");
        }
        else if (!rules.IsAllowed(new MediaKind(kind.GetValue<string>())))
        {
            errors.Add($"{path}.kind: must be {string.Join(" or ", rules.AllowedKinds)} for this model; got '{kind.GetValue<string>()}'.");
        }

        if (item.TryGetPropertyValue("mimeType", out var mimeType) && mimeType is not null)
        {
            if (!JsonNodeText.IsString(mimeType) || !rules.IsAllowedMimeType(mimeType.GetValue<string>()))
            {
                errors.Add($"{path}.mimeType: must be one of {string.Join(", ", rules.AllowedMimeTypes)}; got {JsonNodeText.Describe(mimeType)}.");
            }
        }

        foreach (var textField in new[] { "name", "durationToken" })
        {
            if (item.TryGetPropertyValue(textField, out var text) && text is not null && !JsonNodeText.IsString(text))
            {
                errors.Add($"{path}.{textField}: must be a string; got {JsonNodeText.Describe(text)}.");
            }
        }

        if (item.TryGetPropertyValue("durationSeconds", out var duration) && duration is not null
            && duration.GetValueKind() != JsonValueKind.Number)
        {
            errors.Add($"{path}.durationSeconds: must be a number; got {JsonNodeText.Describe(duration)}.");
        }
    }
}
