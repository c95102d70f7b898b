namespace Rivya.Sdk;

/// <summary>
/// Parameters of <c>kling-2-6</c> (Kling 2.6). Its prompt limit, credits, options and server defaults are those of
/// <see cref="ModelCatalog.Kling26"/> (table in docs/models-and-validation.md).
/// </summary>
public sealed record Kling26Params : ModelParams
{
    private static readonly ModelDefinition Model = ModelCatalog.Get("kling-2-6");
    private static readonly ModelParameter DurationParameter = Model.ParameterFor(nameof(Duration));
    private static readonly ModelParameter SoundParameter = Model.ParameterFor(nameof(Sound));
    private static readonly ModelParameter AspectRatioParameter = Model.ParameterFor(nameof(AspectRatio));

    /// <inheritdoc />
    public override string ModelId => Model.Id;

    /// <summary>Length in seconds (<c>duration</c>), one of the catalogue's options; null sends nothing, so the server default applies.</summary>
    public int? Duration { get; init; }

    /// <summary>Whether to generate sound (<c>sound</c>); null sends nothing, so the server default applies.</summary>
    public bool? Sound { get; init; }

    /// <summary>The frame shape (<c>aspect_ratio</c>), one of the catalogue's options; null sends nothing, so the server default applies.</summary>
    public AspectRatio? AspectRatio { get; init; }

    internal override ModelDefinition Definition => Model;

    internal override void VisitParameters<TVisitor>(ref TVisitor visitor)
    {
        visitor.Select(DurationParameter, Duration);
        visitor.Select(SoundParameter, Sound);
        visitor.Select(AspectRatioParameter, AspectRatio?.ToString());
    }
}
