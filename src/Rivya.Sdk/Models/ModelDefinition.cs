using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Rivya.Sdk;

/// <summary>
/// Everything Rivya documents about one model that the SDK checks before sending: the prompt limit, each parameter
/// and the reference rules. Read them from <see cref="ModelCatalog"/>.
/// </summary>
public sealed class ModelDefinition
{
    private readonly ModelParameter[] _parameters;

    internal ModelDefinition(string id, string displayName, int baseCredits, int maxPromptLength, ModelParameter[] parameters, ReferenceRules references)
    {
        Id = id;
        DisplayName = displayName;
        BaseCredits = baseCredits;
        MaxPromptLength = maxPromptLength;
        _parameters = parameters;
        Parameters = new ReadOnlyCollection<ModelParameter>(parameters);
        References = references;
    }

    /// <summary>The public model id sent as <c>model</c>, e.g. <c>kling-3-0</c>.</summary>
    public string Id { get; }

    /// <summary>The model's display name, e.g. <c>Kling 3.0</c>.</summary>
    public string DisplayName { get; }

    /// <summary>The credits one generation reserves (billing is fixed per task).</summary>
    public int BaseCredits { get; }

    /// <summary>The longest prompt accepted, in UTF-16 code units (what <see cref="string.Length"/> counts).</summary>
    public int MaxPromptLength { get; }

    /// <summary>The documented parameters, in the order the model page lists them. Read-only.</summary>
    public IReadOnlyList<ModelParameter> Parameters { get; }

    /// <summary>What the model accepts as reference media.</summary>
    public ReferenceRules References { get; }

    /// <summary>The parameter with wire key <paramref name="wireKey"/>, or null when the model documents none.</summary>
    public ModelParameter? FindParameter(string wireKey)
    {
        foreach (var parameter in _parameters)
        {
            if (string.Equals(parameter.WireKey, wireKey, StringComparison.Ordinal))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>
    /// The parameter a typed record's property <paramref name="propertyName"/> stands for (wire key <c>aspect_ratio</c>
    /// is property <c>AspectRatio</c>). Records pass <c>nameof(Property)</c>, so no wire key is written twice.
    /// </summary>
    /// <exception cref="InvalidOperationException">The entry has no such parameter: a record and its entry disagree.</exception>
    internal ModelParameter ParameterFor(string propertyName) =>
        Array.Find(_parameters, p => string.Equals(p.PropertyName, propertyName, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"The catalogue entry '{Id}' has no parameter for property '{propertyName}'.");

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({DisplayName})";
}
