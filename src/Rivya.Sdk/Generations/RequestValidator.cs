using System;
using System.Collections.Generic;
using Rivya.Sdk.Common;
using Rivya.Sdk.Validation;

namespace Rivya.Sdk.Generations;

/// <summary>
/// Checks a <see cref="GenerationRequest"/> against its model's catalogue entry and collects every violation, not the
/// first only. A valid request allocates nothing.
/// </summary>
internal static class RequestValidator
{
    private const string ReferencesPath = "params.referenceMediaItems";

    public static IReadOnlyList<ValidationError> Validate(GenerationRequest request)
    {
        Guard.NotNull(request);
        var visitor = default(ValidatingVisitor);
        var parameters = request.Params;
        var model = parameters?.Definition;

        if (parameters is null)
        {
            visitor.Add("params", "is required: give the model's parameter record, e.g. new Kling30Params().");
        }
        else if (model is not null)
        {
            // Only the known (Kling) models are checked here; a raw request is left to the server (it may need no prompt).
            ValidatePrompt(request.Prompt, model, ref visitor);
            parameters.VisitParameters(ref visitor);
            ValidateAdditionalParams(parameters, model, ref visitor);
            ValidateReferences(parameters.ReferenceMediaItems, model.References, ref visitor);
        }

        return visitor.Errors ?? (IReadOnlyList<ValidationError>)Array.Empty<ValidationError>();
    }

    private static void ValidatePrompt(string? prompt, ModelDefinition model, ref ValidatingVisitor visitor)
    {
        if (prompt is null || string.IsNullOrWhiteSpace(prompt))
        {
            visitor.Add("prompt", "is required and must not be blank.");
        }
        else if (prompt.Length > model.MaxPromptLength)
        {
            visitor.Add("prompt", FormattableString.Invariant($"must be at most {model.MaxPromptLength} characters (UTF-16 code units) for {model.Id}; got {prompt.Length}."));
        }
    }

    private static void ValidateAdditionalParams(ModelParams parameters, ModelDefinition model, ref ValidatingVisitor visitor)
    {
        if (parameters.AdditionalParams is not { } additional)
        {
            return;
        }

        foreach (var property in additional)
        {
            if (model.FindParameter(property.Key) is not null || property.Key == "referenceMediaItems")
            {
                visitor.Add("params." + property.Key, "is a documented parameter of " + model.Id + ": set it through the typed property, not AdditionalParams.");
            }
        }
    }

    private static void ValidateReferences(IReadOnlyList<ReferenceMediaItem>? items, ReferenceRules rules, ref ValidatingVisitor visitor)
    {
        if (items is null)
        {
            return;
        }

        if (items.Count > rules.MaxItems)
        {
            visitor.Add(ReferencesPath, FormattableString.Invariant($"must hold at most {rules.MaxItems} item(s) for this model; got {items.Count}."));
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                visitor.Add(ItemPath(i, null), "must not be null.");
                continue;
            }

            if (!rules.IsAllowed(item.Kind))
            {
                visitor.Add(ItemPath(i, "kind"), $"must be {string.Join(" or ", rules.AllowedKinds)} for this model; got '{item.Kind}'.");
            }

            if (item.MimeType is { } mimeType && !rules.IsAllowedMimeType(mimeType))
            {
                visitor.Add(ItemPath(i, "mimeType"), $"must be one of {string.Join(", ", rules.AllowedMimeTypes)}; got '{mimeType}'.");
            }

            if (!ReferenceUrl.IsAbsoluteHttpUrl(item.Url))
            {
                visitor.Add(ItemPath(i, "url"), $"must be an absolute http or https URL; got '{item.Url}'.");
            }
        }
    }

    private static string ItemPath(int index, string? field) => FormattableString.Invariant($"{ReferencesPath}[{index}]{(field is null ? string.Empty : "." + field)}");
}
