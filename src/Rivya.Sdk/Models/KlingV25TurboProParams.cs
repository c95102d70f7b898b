using System;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>
/// Parameters of <c>kling-v2-5-turbo-pro</c> (Kling V2.5 Turbo Pro). Its reference images are frames: the first is
/// the video's first frame, the second its last frame; use <see cref="WithFrames"/> to say so by name. Its prompt limit,
/// credits, reference rules, options, range and server defaults are those of <see cref="ModelCatalog.KlingV25TurboPro"/>
/// (table in docs/models-and-validation.md).
/// </summary>
public sealed record KlingV25TurboProParams : ModelParams
{
    private static readonly ModelDefinition Model = ModelCatalog.Get("kling-v2-5-turbo-pro");
    private static readonly ModelParameter DurationParameter = Model.ParameterFor(nameof(Duration));
    private static readonly ModelParameter AspectRatioParameter = Model.ParameterFor(nameof(AspectRatio));
    private static readonly ModelParameter NegativePromptParameter = Model.ParameterFor(nameof(NegativePrompt));
    private static readonly ModelParameter CfgScaleParameter = Model.ParameterFor(nameof(CfgScale));

    /// <inheritdoc />
    public override string ModelId => Model.Id;

    /// <summary>Length in seconds (<c>duration</c>), one of the catalogue's options; null sends nothing, so the server default applies.</summary>
    public int? Duration { get; init; }

    /// <summary>The frame shape (<c>aspect_ratio</c>), one of the catalogue's options; null sends nothing, so the server default applies.</summary>
    public AspectRatio? AspectRatio { get; init; }

    /// <summary>What the video should avoid (<c>negative_prompt</c>), in any language.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>How closely to follow the prompt (<c>cfg_scale</c>), within the catalogue's inclusive range; null sends nothing, so the server default applies.</summary>
    public double? CfgScale { get; init; }

    /// <summary>The first reference item (the video's first frame), or null.</summary>
    public ReferenceMediaItem? FirstFrame => ReferenceMediaItems is { Count: > 0 } items ? items[0] : null;

    /// <summary>The second reference item (the video's last frame), or null.</summary>
    public ReferenceMediaItem? LastFrame => ReferenceMediaItems is { Count: > 1 } items ? items[1] : null;

    internal override ModelDefinition Definition => Model;

    /// <summary>
    /// A copy whose references are <paramref name="firstFrame"/> and, when given, <paramref name="lastFrame"/>.
    /// A last frame needs a first frame: the server reads the second image as the last frame.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="firstFrame"/> is null.</exception>
    public KlingV25TurboProParams WithFrames(ReferenceMediaItem firstFrame, ReferenceMediaItem? lastFrame = null)
    {
        Guard.NotNull(firstFrame);
        return this with { ReferenceMediaItems = lastFrame is null ? [firstFrame] : [firstFrame, lastFrame] };
    }

    internal override void VisitParameters<TVisitor>(ref TVisitor visitor)
    {
        visitor.Select(DurationParameter, Duration);
        visitor.Select(AspectRatioParameter, AspectRatio?.ToString());
        visitor.Text(NegativePromptParameter, NegativePrompt);
        visitor.Number(CfgScaleParameter, CfgScale);
    }
}
