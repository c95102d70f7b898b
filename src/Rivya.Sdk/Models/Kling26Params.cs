namespace Rivya.Sdk;

/// <summary>
/// Parameters of <c>kling-2-6</c> (Kling 2.6, 55 credits, prompt up to 1000 characters, one reference image).
/// </summary>
public sealed record Kling26Params : ModelParams
{
    private static readonly ModelDefinition Model = ModelCatalog.Kling26;
    private static readonly ModelParameter DurationParameter = Model.Parameter("duration");
    private static readonly ModelParameter SoundParameter = Model.Parameter("sound");
    private static readonly ModelParameter AspectRatioParameter = Model.Parameter("aspect_ratio");

    /// <inheritdoc />
    public override string ModelId => Model.Id;

    /// <summary>Length in seconds: 5 or 10. Server default 5.</summary>
    public int? Duration { get; init; }

    /// <summary>Whether to generate sound. Server default false.</summary>
    public bool? Sound { get; init; }

    /// <summary>1:1, 16:9 or 9:16. Server default 1:1.</summary>
    public AspectRatio? AspectRatio { get; init; }

    internal override ModelDefinition Definition => Model;

    internal override void VisitParameters<TVisitor>(ref TVisitor visitor)
    {
        visitor.Select(DurationParameter, Duration);
        visitor.Select(SoundParameter, Sound);
        visitor.Select(AspectRatioParameter, AspectRatio?.ToString());
    }
}
