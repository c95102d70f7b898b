using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rivya.Sdk.Testing.Generations;

/// <summary>
/// Checks a create body against the documented rules, read from the SDK's own <see cref="ModelCatalog"/> so the fake
/// and the SDK cannot disagree. Collects every violation as <c>path: message</c>.
/// </summary>
internal static class GenerationBodyValidator
{
    public static List<string> Validate(JsonObject body, bool rejectUnknownParams, out ModelDefinition? model) =>
        Validate(body, rejectUnknownParams, ModelCatalog.All, out model);

    /// <summary>Validates against <paramref name="catalog"/>: the SDK's own, or a test's (the fifth-model test).</summary>
    public static List<string> Validate(JsonObject body, bool rejectUnknownParams, IReadOnlyList<ModelDefinition> catalog, out ModelDefinition? model)
    {
        var errors = new List<string>();
        model = ValidateModel(body, catalog, errors);

        if (body.ContainsKey("files"))
        {
            errors.Add("files: is not accepted at the top level; put reference media in params.referenceMediaItems.");
        }

        ValidatePrompt(body["prompt"], model, errors);

        if (body.TryGetPropertyValue("client_request_id", out var clientRequestId) && clientRequestId is not null && !JsonNodeText.IsString(clientRequestId))
        {
            errors.Add("client_request_id: must be a string.");
        }

        if (body.TryGetPropertyValue("params", out var parameters) && parameters is not null)
        {
            if (parameters is not JsonObject parameterObject)
            {
                errors.Add("params: must be a JSON object.");
            }
            else if (model is not null)
            {
                ValidateParams(parameterObject, model, rejectUnknownParams, errors);
            }
        }

        return errors;
    }

    private static ModelDefinition? ValidateModel(JsonObject body, IReadOnlyList<ModelDefinition> catalog, List<string> errors)
    {
        var node = body["model"];
        if (node is null || !JsonNodeText.IsString(node))
        {
            errors.Add("model: is required and must be a string, e.g. \"kling-3-0\".");
            return null;
        }

        var id = node.GetValue<string>();
        var model = catalog.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal));
        if (model is null)
        {
            errors.Add($"model: '{id}' is not a known model; known models: {string.Join(", ", catalog.Select(m => m.Id))}.");
        }

        return model;
    }

    private static void ValidatePrompt(JsonNode? node, ModelDefinition? model, List<string> errors)
    {
        if (node is null)
        {
            errors.Add("prompt: is required.");
            return;
        }

        if (!JsonNodeText.IsString(node))
        {
            errors.Add("prompt: must be a string.");
            return;
        }

        var prompt = node.GetValue<string>();
        if (string.IsNullOrWhiteSpace(prompt))
        {
            errors.Add("prompt: must not be blank.");
        }
        else if (model is not null && prompt.Length > model.MaxPromptLength)
        {
            errors.Add(FormattableString.Invariant($"prompt: must be at most {model.MaxPromptLength} characters for {model.Id}; got {prompt.Length}."));
        }
    }

    private static void ValidateParams(JsonObject parameters, ModelDefinition model, bool rejectUnknownParams, List<string> errors)
    {
        foreach (var property in parameters)
        {
            if (property.Key == ReferenceItemsValidator.Key)
            {
                ReferenceItemsValidator.Validate(property.Value, model, errors);
                continue;
            }

            var parameter = model.FindParameter(property.Key);
            if (parameter is null)
            {
                if (rejectUnknownParams)
                {
                    errors.Add($"params.{property.Key}: is not a parameter of {model.Id}; documented: {string.Join(", ", model.Parameters.Select(p => p.WireKey))}, {ReferenceItemsValidator.Key}.");
                }

                continue;
            }

            ValidateParameter(parameter, property.Value, errors);
        }
    }

    private static void ValidateParameter(ModelParameter parameter, JsonNode? value, List<string> errors)
    {
        var path = "params." + parameter.WireKey;
        switch (parameter.Kind)
        {
            case ModelParameterKind.Select:
                if (value is null || !JsonNodeText.IsString(value))
                {
                    errors.Add($"{path}: must be a JSON string (select values are sent as strings, e.g. \"{parameter.Options[0]}\"); got {JsonNodeText.Describe(value)}.");
                }
                else if (!parameter.IsAllowed(value.GetValue<string>()))
                {
                    errors.Add($"{path}: must be one of {string.Join(", ", parameter.Options)}; got '{value.GetValue<string>()}'.");
                }

                break;

            case ModelParameterKind.Number:
                if (value is null || value.GetValueKind() != JsonValueKind.Number)
                {
                    errors.Add($"{path}: must be a JSON number; got {JsonNodeText.Describe(value)}.");
                }
                else if (!parameter.IsAllowed(value.GetValue<double>()))
                {
                    errors.Add(FormattableString.Invariant($"{path}: must be a number from {parameter.Minimum} to {parameter.Maximum} inclusive; got {value.ToJsonString()}."));
                }

                break;

            default:
                if (value is null || !JsonNodeText.IsString(value))
                {
                    errors.Add($"{path}: must be a string; got {JsonNodeText.Describe(value)}.");
                }

                break;
        }
    }
}
