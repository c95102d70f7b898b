namespace Rivya.Sdk.Tests.Models.Catalog;

/// <summary>
/// A model the SDK does not ship, added the way CONTRIBUTING.md's "Adding a model" recipe says: one catalogue entry
/// (<see cref="Entry"/>, the shape an entry of <c>ModelCatalog</c> takes) and one small record. Nothing else.
/// </summary>
internal sealed record FifthModelParams : ModelParams
{
    /// <summary>The entry; in the SDK it would be one more element of the catalogue's list.</summary>
    public static readonly ModelDefinition Entry = new(
        "test-fifth-model", "Test Fifth Model", baseCredits: 7, maxPromptLength: 300,
        [
            ModelParameter.Select("duration", "4", "4", "8"),
            ModelParameter.SelectBoolean("loop_video", "false"),
            ModelParameter.Select("camera_motion", "static", "static", "pan", "zoom"),
            ModelParameter.Number("motion_strength", 0.25, 0, 2),
            ModelParameter.Text("style_hint"),
        ],
        new ReferenceRules(1, [MediaKind.Image], ["image/png"], 1024 * 1024, secondImageIsLastFrame: false));

    private static readonly ModelParameter DurationParameter = Entry.ParameterFor(nameof(Duration));
    private static readonly ModelParameter LoopVideoParameter = Entry.ParameterFor(nameof(LoopVideo));
    private static readonly ModelParameter CameraMotionParameter = Entry.ParameterFor(nameof(CameraMotion));
    private static readonly ModelParameter MotionStrengthParameter = Entry.ParameterFor(nameof(MotionStrength));
    private static readonly ModelParameter StyleHintParameter = Entry.ParameterFor(nameof(StyleHint));

    public override string ModelId => Entry.Id;

    public int? Duration { get; init; }

    public bool? LoopVideo { get; init; }

    public string? CameraMotion { get; init; }

    public double? MotionStrength { get; init; }

    public string? StyleHint { get; init; }

    internal override ModelDefinition Definition => Entry;

    /// <summary>The catalogue with this entry added, as the SDK's list would be.</summary>
    public static ModelDefinition[] Catalog => [.. ModelCatalog.All, Entry];

    internal override void VisitParameters<TVisitor>(ref TVisitor visitor)
    {
        visitor.Select(DurationParameter, Duration);
        visitor.Select(LoopVideoParameter, LoopVideo);
        visitor.Select(CameraMotionParameter, CameraMotion);
        visitor.Number(MotionStrengthParameter, MotionStrength);
        visitor.Text(StyleHintParameter, StyleHint);
    }
}

/// <summary>A record that names a property its entry does not list: binding it must fail loudly, not silently drop it.</summary>
internal sealed record MismatchedParams : ModelParams
{
    private static readonly ModelParameter SpeedParameter = FifthModelParams.Entry.ParameterFor(nameof(Speed));

    public override string ModelId => FifthModelParams.Entry.Id;

    public int? Speed { get; init; }

    internal override ModelDefinition Definition => FifthModelParams.Entry;

    internal override void VisitParameters<TVisitor>(ref TVisitor visitor) => visitor.Select(SpeedParameter, Speed);
}
