namespace Rivya.Sdk;

/// <summary>
/// Parameters of <c>kling-v2-1-master</c> (Kling V2.1 Master). A reference image turns text-to-video into
/// image-to-video. Its prompt limit, credits, reference rules, options, range and server defaults are those of
/// <see cref="ModelCatalog.KlingV21Master"/> (table in docs/models-and-validation.md).
/// </summary>
public sealed record KlingV21MasterParams : ModelParams
{
    private static readonly ModelDefinition Model = ModelCatalog.Get("kling-v2-1-master");
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

    internal override ModelDefinition Definition => Model;

    internal override void VisitParameters<TVisitor>(ref TVisitor visitor)
    {
        visitor.Select(DurationParameter, Duration);
        visitor.Select(AspectRatioParameter, AspectRatio?.ToString());
        visitor.Text(NegativePromptParameter, NegativePrompt);
        visitor.Number(CfgScaleParameter, CfgScale);
    }
}
