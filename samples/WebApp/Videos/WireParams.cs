using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rivya.Sdk;

namespace Rivya.Samples.WebApp.Videos;

/// <summary>
/// Reads <c>params</c> in Rivya's own wire shape (select values as strings, as its docs write them: <c>"duration": "5"</c>,
/// <c>"sound": "false"</c>; <c>cfg_scale</c> a number) into the model's typed record, so the SDK validates it. Only the
/// shape is checked here (is it a string, a number); the rules (which durations, which ratios) are the SDK's.
/// </summary>
internal sealed class WireParams
{
    private readonly JsonObject _params;
    private readonly HashSet<string> _read = [];
    private readonly List<ValidationError> _errors;
    private readonly ModelDefinition? _model;

    private WireParams(JsonObject @params, ModelDefinition? model, List<ValidationError> errors)
    {
        _params = @params;
        _model = model;
        _errors = errors;
    }

    /// <summary>
    /// The typed parameters of <paramref name="modelId"/>, or <see cref="RawModelParams"/> for a model the SDK does not
    /// know (only Rivya validates those). Shape errors are added to <paramref name="errors"/>, keyed like the SDK's.
    /// </summary>
    public static ModelParams Read(string modelId, JsonObject @params, List<ValidationError> errors)
    {
        var model = ModelCatalog.Find(modelId);
        if (model is null)
        {
            return new RawModelParams(modelId, (JsonObject)@params.DeepClone());
        }

        var wire = new WireParams(@params, model, errors);
        ModelParams typed = modelId switch
        {
            "kling-v2-1-master" => new KlingV21MasterParams
            {
                Duration = wire.Int("duration"),
                AspectRatio = wire.Select("aspect_ratio", v => (AspectRatio)v),
                NegativePrompt = wire.Text("negative_prompt"),
                CfgScale = wire.Number("cfg_scale"),
            },
            "kling-v2-5-turbo-pro" => new KlingV25TurboProParams
            {
                Duration = wire.Int("duration"),
                AspectRatio = wire.Select("aspect_ratio", v => (AspectRatio)v),
                NegativePrompt = wire.Text("negative_prompt"),
                CfgScale = wire.Number("cfg_scale"),
            },
            "kling-2-6" => new Kling26Params { Duration = wire.Int("duration"), Sound = wire.Bool("sound"), AspectRatio = wire.Select("aspect_ratio", v => (AspectRatio)v) },
            "kling-3-0" => new Kling30Params
            {
                Mode = wire.Select("mode", v => (Kling30Mode)v),
                MultiShots = wire.Bool("multi_shots"),
                Duration = wire.Int("duration"),
                Sound = wire.Bool("sound"),
                AspectRatio = wire.Select("aspect_ratio", v => (AspectRatio)v),
            },
            _ => throw new InvalidOperationException($"The catalogue knows {modelId}, but this sample has no mapping for it yet."),
        };
        return typed with { ReferenceMediaItems = ReferenceItems.Read(wire.Take("referenceMediaItems"), errors), AdditionalParams = wire.Rest() };
    }

    private JsonNode? Take(string key)
    {
        _read.Add(key);
        return _params[key];
    }

    private string? Text(string key) => Take(key) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => Refuse(key, "must be a string"),
    };

    // A select value of an open set (aspect ratios, modes): any string; the SDK checks it is one of the options.
    private T? Select<T>(string key, Func<string, T> wrap)
        where T : struct => Text(key) is { } text ? wrap(text) : null;

    // A select value is a string on the wire ("5"); a bare number is taken too, as a courtesy.
    private int? Int(string key) => Take(key) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String && int.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) => number,
        _ => RefuseSelect<int>(key),
    };

    private bool? Bool(string key) => Take(key) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is "true" or "false" => value.GetValue<string>() == "true",
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => RefuseSelect<bool>(key),
    };

    private double? Number(string key) => Take(key) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<double>(),
        _ => RefuseNumber(key),
    };

    private JsonObject? Rest()
    {
        JsonObject? rest = null;
        foreach (var (key, value) in _params)
        {
            if (!_read.Contains(key))
            {
                rest ??= [];
                rest[key] = value?.DeepClone();
            }
        }

        return rest;
    }

    private T? RefuseSelect<T>(string key)
        where T : struct
    {
        var options = _model?.FindParameter(key)?.Options ?? [];
        _errors.Add(new ValidationError("params." + key, $"must be one of {string.Join(", ", options.Select(o => $"\"{o}\""))} (a string, as Rivya's docs write it)."));
        return null;
    }

    private double? RefuseNumber(string key)
    {
        _errors.Add(new ValidationError("params." + key, "must be a JSON number."));
        return null;
    }

    private string? Refuse(string key, string message)
    {
        _errors.Add(new ValidationError("params." + key, message + "."));
        return null;
    }
}
