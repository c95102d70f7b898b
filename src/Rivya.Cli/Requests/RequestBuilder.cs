using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Rivya.Sdk;

namespace Rivya.Cli.Requests;

/// <summary>
/// Builds the body of a create (<c>model</c>, <c>prompt</c>, <c>params</c>, <c>client_request_id</c>) from values held
/// as text (a <c>--param key=value</c>, a CSV cell, a JSONL value), checked against the SDK's model catalogue
/// (<see cref="ModelCatalog"/>, <see cref="ModelParameter.IsAllowed(string)"/>): every error is collected, with its
/// path. Select values are sent as JSON strings and numbers as JSON numbers, as Rivya documents.
/// </summary>
internal sealed class RequestBuilder
{
    private readonly List<string> _errors = [];
    private readonly ModelDefinition? _model;
    private readonly JsonObject _params = [];
    private readonly string _prompt;
    private readonly string? _clientRequestId;

    public RequestBuilder(string? modelId, string? prompt, string? clientRequestId)
    {
        _prompt = prompt ?? string.Empty;
        _clientRequestId = string.IsNullOrEmpty(clientRequestId) ? null : clientRequestId;
        if (string.IsNullOrWhiteSpace(modelId))
        {
            _errors.Add("model: is required, e.g. kling-3-0.");
        }
        else if (ModelCatalog.Find(modelId) is { } model)
        {
            _model = model;
        }
        else
        {
            _errors.Add($"model: '{modelId}' is not in this rivya's catalogue; known: {string.Join(", ", ModelCatalog.All.Select(m => m.Id))}.");
        }

        if (string.IsNullOrWhiteSpace(prompt))
        {
            _errors.Add("prompt: is required and must not be blank.");
        }
        else if (_model is not null && prompt.Length > _model.MaxPromptLength)
        {
            _errors.Add(FormattableString.Invariant($"prompt: must be at most {_model.MaxPromptLength} characters for {_model.Id}; got {prompt.Length}."));
        }
    }

    public IReadOnlyList<string> Errors => _errors;

    public ModelDefinition? Model => _model;

    /// <summary>Adds parameter <paramref name="key"/> with its value as text; blank means "not set" (the server's default).</summary>
    public void Add(string key, string? value)
    {
        if (string.IsNullOrEmpty(value) || _model is null)
        {
            return;
        }

        var path = "params." + key;
        if (_params.ContainsKey(key))
        {
            _errors.Add($"{path}: is given twice.");
            return;
        }

        if (_model.FindParameter(key) is not { } parameter)
        {
            _errors.Add($"{path}: is not a parameter of {_model.Id}; documented: {string.Join(", ", _model.Parameters.Select(p => p.WireKey))}.");
            return;
        }

        if (!parameter.IsAllowed(value))
        {
            _errors.Add(parameter.Kind == ModelParameterKind.Number
                ? FormattableString.Invariant($"{path}: must be a number from {parameter.Minimum} to {parameter.Maximum}; got '{value}'.")
                : $"{path}: must be one of {string.Join(", ", parameter.Options)}; got '{value}'.");
            return;
        }

        _params[key] = parameter.Kind == ModelParameterKind.Number
            ? JsonValue.Create(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture))
            : JsonValue.Create(value);
    }

    /// <summary>Adds a <c>key=value</c> argument.</summary>
    public void AddPair(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            _errors.Add($"--param '{pair}': must be key=value, e.g. duration=10.");
            return;
        }

        Add(pair[..equals].Trim(), pair[(equals + 1)..].Trim());
    }

    /// <summary>Checks that <paramref name="count"/> reference images fit the model's rules.</summary>
    public void CheckImages(int count)
    {
        if (count == 0 || _model is null)
        {
            return;
        }

        if (!_model.References.IsAllowed(MediaKind.Image))
        {
            _errors.Add($"params.referenceMediaItems: {_model.Id} takes no reference images.");
        }
        else if (count > _model.References.MaxItems)
        {
            _errors.Add(FormattableString.Invariant($"params.referenceMediaItems: {_model.Id} takes at most {_model.References.MaxItems} reference item(s); got {count}."));
        }
    }

    /// <summary>The body, once <see cref="Errors"/> is empty; reference items are added later (after their upload).</summary>
    public CreateBody Build() =>
        _errors.Count > 0 || _model is null
            ? throw new InvalidOperationException("The request has errors.")
            : new CreateBody(_model.Id, _prompt, (JsonObject)_params.DeepClone(), _clientRequestId);
}
