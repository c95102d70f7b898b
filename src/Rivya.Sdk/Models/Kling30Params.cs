namespace Rivya.Sdk;

/// <summary>
/// Parameters of <c>kling-3-0</c> (Kling 3.0, 90 credits, prompt up to 2000 characters, up to two reference images
/// for image-to-video).
/// </summary>
public sealed record Kling30Params : ModelParams
{
    private static readonly ModelDefinition Model = ModelCatalog.Kling30;
    private static readonly ModelParameter ModeParameter = Model.Parameter("mode");
    private static readonly ModelParameter MultiShotsParameter = Model.Parameter("multi_shots");
    private static readonly ModelParameter DurationParameter = Model.Parameter("duration");
    private static readonly ModelParameter SoundParameter = Model.Parameter("sound");
    private static readonly ModelParameter AspectRatioParameter = Model.Parameter("aspect_ratio");

    /// <inheritdoc />
    public override string ModelId => Model.Id;

    /// <summary><see cref="Kling30Mode.Std"/> or <see cref="Kling30Mode.Pro"/>. Server default pro.</summary>
    public Kling30Mode? Mode { get; init; }

    /// <summary>Whether to cut between several shots. Server default false.</summary>
    public bool? MultiShots { get; init; }

    /// <summary>Length in seconds, 3 to 15 inclusive. Server default 5.</summary>
    public int? Duration { get; init; }

    /// <summary>Whether to generate sound. Server default false.</summary>
    public bool? Sound { get; init; }

    /// <summary>16:9, 9:16 or 1:1. Server default 16:9.</summary>
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
