using System;
using System.Text.Json.Nodes;

namespace Rivya.Sdk;

/// <summary>
/// Sends any model id with a JSON object as its <c>params</c>, for a model this SDK has no typed record for.
/// Nothing but the server validates it.
/// </summary>
public sealed record RawModelParams : ModelParams
{
    /// <summary>Creates raw parameters.</summary>
    /// <param name="modelId">The public model id, e.g. <c>kling-3-0</c>.</param>
    /// <param name="params">The JSON object sent as <c>params</c>, as it is.</param>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> is null or blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="params"/> is null.</exception>
    public RawModelParams(string modelId, JsonObject @params)
    {
        if (string.IsNullOrWhiteSpace(modelId))
        {
            throw new ArgumentException("A model id is required.", nameof(modelId));
        }

        ModelId = modelId;
        Params = @params ?? throw new ArgumentNullException(nameof(@params));
    }

    /// <inheritdoc />
    public override string ModelId { get; }

    /// <summary>The JSON object sent as <c>params</c>.</summary>
    public JsonObject Params { get; }

    internal override ModelDefinition? Definition => null;

    internal override void VisitParameters<TVisitor>(ref TVisitor visitor)
    {
    }
}
