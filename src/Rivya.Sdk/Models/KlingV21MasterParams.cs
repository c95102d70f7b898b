namespace Rivya.Sdk;

/// <summary>
/// Parameters of <c>kling-v2-1-master</c> (Kling V2.1 Master, 160 credits, prompt up to 5000 characters). One
/// reference image turns text-to-video into image-to-video.
/// </summary>
public sealed record KlingV21MasterParams : ModelParams
{
    private static readonly ModelDefinition Model = ModelCatalog.KlingV21Master;
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

    internal override ModelDefinition Definition => Model;

    internal override void VisitParameters<TVisitor>(ref TVisitor visitor)
    {
        visitor.Select(DurationParameter, Duration);
        visitor.Select(AspectRatioParameter, AspectRatio?.ToString());
        visitor.Text(NegativePromptParameter, NegativePrompt);
        visitor.Number(CfgScaleParameter, CfgScale);
    }
}
