using System;

namespace Rivya.Sdk;

/// <summary>
/// Parameters of <c>kling-v2-5-turbo-pro</c> (Kling V2.5 Turbo Pro, 42 credits, prompt up to 2500 characters).
/// Up to two reference images: the first is the video's first frame, the second its last frame; use
/// <see cref="WithFrames"/> to say so by name.
/// </summary>
public sealed record KlingV25TurboProParams : ModelParams
{
    private static readonly ModelDefinition Model = ModelCatalog.KlingV25TurboPro;
    private static readonly ModelParameter DurationParameter = Model.Parameter("duration");
    private static readonly ModelParameter AspectRatioParameter = Model.Parameter("aspect_ratio");
    private static readonly ModelParameter NegativePromptParameter = Model.Parameter("negative_prompt");
    private static readonly ModelParameter CfgScaleParameter = Model.Parameter("cfg_scale");

    /// <inheritdoc />
    public override string ModelId => Model.Id;

    /// <summary>Length in seconds: 5 or 10. Server default 5.</summary>
    public int? Duration { get; init; }

    /// <summary>16:9, 9:16 or 1:1. Server default 16:9.</summary>
    public AspectRatio? AspectRatio { get; init; }

    /// <summary>What the video should avoid, in any language.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>How closely to follow the prompt, 0 to 1 inclusive. Server default 0.5.</summary>
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
