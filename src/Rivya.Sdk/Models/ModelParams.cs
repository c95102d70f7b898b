using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Rivya.Sdk;

/// <summary>
/// The model-specific part of a <see cref="GenerationRequest"/>: which model to run and its <c>params</c>.
/// Use the typed record of a model (<see cref="Kling30Params"/>, ...), or <see cref="RawModelParams"/> for a model
/// this SDK does not know yet.
/// </summary>
/// <remarks>Every typed property is optional: one left null is not sent, so the server's documented default applies.</remarks>
public abstract record ModelParams
{
    private protected ModelParams()
    {
    }

    /// <summary>The public model id sent as <c>model</c>.</summary>
    public abstract string ModelId { get; }

    /// <summary>
    /// Reference media sent as <c>params.referenceMediaItems</c> (for image-to-video). Upload a local file with
    /// <c>client.Files.UploadAsync</c> and use <see cref="RivyaFile.ToReferenceMediaItem"/>.
    /// </summary>
    public IReadOnlyList<ReferenceMediaItem>? ReferenceMediaItems { get; init; }

    /// <summary>
    /// Parameters newer than this SDK, written into <c>params</c> as given. A key the model already documents is
    /// rejected by validation: set it through its typed property instead.
    /// </summary>
    public JsonObject? AdditionalParams { get; init; }

    /// <summary>The catalogue entry whose rules apply, or null when only the server validates (<see cref="RawModelParams"/>).</summary>
    internal abstract ModelDefinition? Definition { get; }

    internal abstract void VisitParameters<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IParameterVisitor;
}
