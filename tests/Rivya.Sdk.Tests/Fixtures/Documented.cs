using System;

namespace Rivya.Sdk.Tests;

/// <summary>
/// The documented example requests (Fixtures/requests/), built from the typed records the way a caller would.
/// </summary>
internal static class Documented
{
    public const string Prompt = "A cinematic product reveal with smooth camera movement";

    /// <summary>The Thai negative prompt of the kling-v2-1-master page.</summary>
    public const string ThaiNegativePrompt = "อธิบายสิ่งที่วิดีโอควรหลีกเลี่ยง";

    /// <summary>The Vietnamese negative prompt of the kling-v2-5-turbo-pro page.</summary>
    public const string VietnameseNegativePrompt = "Mô tả những gì video nên tránh";

    public static ReferenceMediaItem ReferenceImage => new("https://cdn.example.com/reference-image.png", MediaKind.Image)
    {
        Name = "reference-image.png",
        MimeType = "image/png",
    };

    /// <summary>The documented minimal params of <paramref name="modelId"/>, every documented key set.</summary>
    public static ModelParams MinimalParams(string modelId) => modelId switch
    {
        "kling-v2-1-master" => new KlingV21MasterParams
        {
            Duration = 5,
            AspectRatio = AspectRatio.Landscape,
            NegativePrompt = ThaiNegativePrompt,
            CfgScale = 0.5,
        },
        "kling-2-6" => new Kling26Params
        {
            Duration = 5,
            Sound = false,
            AspectRatio = AspectRatio.Square,
        },
        "kling-3-0" => new Kling30Params
        {
            Mode = Kling30Mode.Pro,
            MultiShots = false,
            Duration = 5,
            Sound = false,
            AspectRatio = AspectRatio.Landscape,
        },
        "kling-v2-5-turbo-pro" => new KlingV25TurboProParams
        {
            Duration = 5,
            AspectRatio = AspectRatio.Landscape,
            NegativePrompt = VietnameseNegativePrompt,
            CfgScale = 0.5,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(modelId), modelId, "not a documented model"),
    };

    public static GenerationRequest Minimal(string modelId) => new()
    {
        Prompt = Prompt,
        Params = MinimalParams(modelId),
    };

    public static GenerationRequest WithReference(string modelId) => new()
    {
        Prompt = Prompt,
        Params = MinimalParams(modelId) with { ReferenceMediaItems = [ReferenceImage] },
    };
}
