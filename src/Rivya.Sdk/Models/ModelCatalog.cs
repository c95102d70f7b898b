using System;
using System.Collections.Generic;

namespace Rivya.Sdk;

/// <summary>
/// The one place the documented rules of each supported model live. The typed parameter records, the validator and
/// the fake server all read it, so they cannot disagree. Adding a model is one entry here plus its record.
/// </summary>
public static class ModelCatalog
{
    // Rivya's docs say "10 MB" without the unit's base; 10 MiB is assumed (see README, "Assumptions").
    private const long TenMegabytes = 10L * 1024 * 1024;

    private static readonly ReferenceRules OneImage = ImagesOnly(maxItems: 1, secondImageIsLastFrame: false);

    /// <summary><c>kling-v2-1-master</c>: Kling V2.1 Master, 160 credits, prompt up to 5000, one reference image.</summary>
    public static ModelDefinition KlingV21Master { get; } = new(
        "kling-v2-1-master", "Kling V2.1 Master", baseCredits: 160, maxPromptLength: 5000,
        CfgScaleModelParameters(), OneImage);

    /// <summary><c>kling-2-6</c>: Kling 2.6, 55 credits, prompt up to 1000, one reference image.</summary>
    public static ModelDefinition Kling26 { get; } = new(
        "kling-2-6", "Kling 2.6", baseCredits: 55, maxPromptLength: 1000,
        [
            ModelParameter.Select("duration", "5", "5", "10"),
            ModelParameter.SelectBoolean("sound", "false"),
            ModelParameter.Select("aspect_ratio", "1:1", "1:1", "16:9", "9:16"),
        ],
        OneImage);

    /// <summary><c>kling-3-0</c>: Kling 3.0, 90 credits, prompt up to 2000, up to two reference images.</summary>
    public static ModelDefinition Kling30 { get; } = new(
        "kling-3-0", "Kling 3.0", baseCredits: 90, maxPromptLength: 2000,
        [
            ModelParameter.Select("mode", "pro", "std", "pro"),
            ModelParameter.SelectBoolean("multi_shots", "false"),
            ModelParameter.Select("duration", "5", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"),
            ModelParameter.SelectBoolean("sound", "false"),
            ModelParameter.Select("aspect_ratio", "16:9", "16:9", "9:16", "1:1"),
        ],
        ImagesOnly(maxItems: 2, secondImageIsLastFrame: false));

    /// <summary>
    /// <c>kling-v2-5-turbo-pro</c>: Kling V2.5 Turbo Pro, 42 credits, prompt up to 2500, up to two reference images
    /// where the second is the video's last frame.
    /// </summary>
    public static ModelDefinition KlingV25TurboPro { get; } = new(
        "kling-v2-5-turbo-pro", "Kling V2.5 Turbo Pro", baseCredits: 42, maxPromptLength: 2500,
        CfgScaleModelParameters(), ImagesOnly(maxItems: 2, secondImageIsLastFrame: true));

    /// <summary>Every model the SDK knows the rules of. The server's own list (<c>client.Models.ListAsync</c>) may hold more.</summary>
    public static IReadOnlyList<ModelDefinition> All => Models;

    /// <summary>The definition of model <paramref name="modelId"/> (exact, case-sensitive), or null when the SDK does not know it.</summary>
    public static ModelDefinition? Find(string? modelId)
    {
        foreach (var model in Models)
        {
            if (string.Equals(model.Id, modelId, StringComparison.Ordinal))
            {
                return model;
            }
        }

        return null;
    }

    // kling-v2-1-master and kling-v2-5-turbo-pro document the same table.
    private static ModelParameter[] CfgScaleModelParameters() =>
    [
        ModelParameter.Select("duration", "5", "5", "10"),
        ModelParameter.Select("aspect_ratio", "16:9", "16:9", "9:16", "1:1"),
        ModelParameter.Text("negative_prompt"),
        ModelParameter.Number("cfg_scale", 0.5, 0, 1),
    ];

    private static readonly ModelDefinition[] Models = [KlingV21Master, Kling26, Kling30, KlingV25TurboPro];

    private static ReferenceRules ImagesOnly(int maxItems, bool secondImageIsLastFrame) =>
        new(maxItems, [MediaKind.Image], [MimeTypes.Jpeg, MimeTypes.Png, MimeTypes.WebP], TenMegabytes, secondImageIsLastFrame);
}
