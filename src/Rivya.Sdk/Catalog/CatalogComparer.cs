using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Rivya.Sdk;

/// <summary>
/// Compares the built-in <see cref="ModelCatalog"/> with a live catalogue. Parameter options are compared only where
/// the server lists them as <c>params: [{ "key", "options": [...] }]</c> (Rivya does not document that shape; anything
/// else is skipped, never an error).
/// </summary>
internal static class CatalogComparer
{
    public static CatalogCheck Compare(IReadOnlyList<ModelDefinition> builtIn, IReadOnlyList<RivyaModel> live)
    {
        var changes = new List<CatalogDrift>();
        foreach (var model in builtIn)
        {
            var server = live.FirstOrDefault(m => string.Equals(m.Id, model.Id, StringComparison.Ordinal));
            if (server is null)
            {
                changes.Add(new CatalogDrift(model.Id, CatalogDriftKind.Missing, model.DisplayName, null));
                continue;
            }

            if (server.MaxPromptLength is { } limit && limit != model.MaxPromptLength)
            {
                changes.Add(new CatalogDrift(model.Id, CatalogDriftKind.PromptLimit, Text(model.MaxPromptLength), Text(limit)));
            }

            if (server.BaseCredits is { } credits && credits != model.BaseCredits)
            {
                changes.Add(new CatalogDrift(model.Id, CatalogDriftKind.BaseCredits, Text(model.BaseCredits), credits.ToString(CultureInfo.InvariantCulture)));
            }

            if (server.ApiStatus is { } status && !server.IsAvailable)
            {
                changes.Add(new CatalogDrift(model.Id, CatalogDriftKind.ApiStatus, "available", status));
            }

            CompareOptions(model, server.Params, changes);
        }

        var known = new HashSet<string>(builtIn.Select(m => m.Id), StringComparer.Ordinal);
        return new CatalogCheck(changes, live.Where(m => !known.Contains(m.Id)).ToList());
    }

    private static void CompareOptions(ModelDefinition model, JsonElement? parameters, List<CatalogDrift> changes)
    {
        if (parameters is not { ValueKind: JsonValueKind.Array } list)
        {
            return;
        }

        foreach (var entry in list.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object
                || !entry.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String
                || !entry.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array
                || model.FindParameter(key.GetString()!) is not { Kind: ModelParameterKind.Select } parameter)
            {
                continue;
            }

            var serverOptions = options.EnumerateArray().Select(OptionText).ToList();
            if (!new HashSet<string>(serverOptions, StringComparer.Ordinal).SetEquals(parameter.Options))
            {
                changes.Add(new CatalogDrift(
                    model.Id,
                    CatalogDriftKind.ParameterOptions,
                    parameter.WireKey + ": " + string.Join(", ", parameter.Options),
                    parameter.WireKey + ": " + string.Join(", ", serverOptions)));
            }
        }
    }

    // Options may come as strings ("5") or numbers (5): both read as their wire text.
    private static string OptionText(JsonElement option) => option.ValueKind switch
    {
        JsonValueKind.String => option.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => option.GetRawText(),
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
