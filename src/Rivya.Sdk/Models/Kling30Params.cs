namespace Rivya.Sdk;

/// <summary>
/// Parameters of <c>kling-3-0</c> (Kling 3.0). Its prompt limit, credits, reference rules, options and server
/// defaults are those of <see cref="ModelCatalog.Kling30"/> (table in docs/models-and-validation.md).
/// </summary>
public sealed record Kling30Params : ModelParams
{
    private static readonly ModelDefinition Model = ModelCatalog.Get("kling-3-0");
    private static readonly ModelParameter ModeParameter = Model.ParameterFor(nameof(Mode));
    private static readonly ModelParameter MultiShotsParameter = Model.ParameterFor(nameof(MultiShots));
    private static readonly ModelParameter DurationParameter = Model.ParameterFor(nameof(Duration));
    private static readonly ModelParameter SoundParameter = Model.ParameterFor(nameof(Sound));
    private static readonly ModelParameter AspectRatioParameter = Model.ParameterFor(nameof(AspectRatio));

    /// <inheritdoc />
    public override string ModelId => Model.Id;

    /// <summary>The quality mode (<c>mode</c>), <see cref="Kling30Mode.Std"/> or <see cref="Kling30Mode.Pro"/>; null sends nothing, so the server default applies.</summary>
    public Kling30Mode? Mode { get; init; }

    /// <summary>Whether to cut between several shots (<c>multi_shots</c>); null sends nothing, so the server default applies.</summary>
    public bool? MultiShots { get; init; }

    /// <summary>Length in seconds (<c>duration</c>), one of the catalogue's options; null sends nothing, so the server default applies.</summary>
    public int? Duration { get; init; }

    /// <summary>Whether to generate sound (<c>sound</c>); null sends nothing, so the server default applies.</summary>
    public bool? Sound { get; init; }

    /// <summary>The frame shape (<c>aspect_ratio</c>), one of the catalogue's options; null sends nothing, so the server default applies.</summary>
    public AspectRatio? AspectRatio { get; init; }

    internal override ModelDefinition Definition => Model;

    internal override void VisitParameters<TVisitor>(ref TVisitor visitor)
    {
        visitor.Select(ModeParameter, Mode?.ToString());
        visitor.Select(MultiShotsParameter, MultiShots);
        visitor.Select(DurationParameter, Duration);
        visitor.Select(SoundParameter, Sound);
        visitor.Select(AspectRatioParameter, AspectRatio?.ToString());
    }
}
