using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Rivya.Sdk;

/// <summary>
/// The one place the documented rules of each supported model live. The typed parameter records, the validator and
/// the fake server all read it, so they cannot disagree. Adding a model is one entry in <see cref="All"/> plus its
/// record (see CONTRIBUTING.md, "Adding a model").
/// </summary>
public static class ModelCatalog
{
    // Rivya's docs say "10 MB" without the unit's base; 10 MiB is assumed (docs/assumptions.md).
    private const long TenMegabytes = 10L * 1024 * 1024;

    /// <summary>
    /// Every model the SDK knows the rules of, in a fixed order. The server's own list (<c>client.Models.ListAsync</c>)
    /// may hold more. Read-only: it cannot be cast back to a mutable collection.
    /// </summary>
    public static IReadOnlyList<ModelDefinition> All { get; } = new ReadOnlyCollection<ModelDefinition>(Entries());

    /// <summary><c>kling-v2-1-master</c> (Kling V2.1 Master); the same entry as <c>Find("kling-v2-1-master")</c>.</summary>
    public static ModelDefinition KlingV21Master => Get("kling-v2-1-master");

    /// <summary><c>kling-2-6</c> (Kling 2.6); the same entry as <c>Find("kling-2-6")</c>.</summary>
    public static ModelDefinition Kling26 => Get("kling-2-6");

    /// <summary><c>kling-3-0</c> (Kling 3.0); the same entry as <c>Find("kling-3-0")</c>.</summary>
    public static ModelDefinition Kling30 => Get("kling-3-0");

    /// <summary><c>kling-v2-5-turbo-pro</c> (Kling V2.5 Turbo Pro); the same entry as <c>Find("kling-v2-5-turbo-pro")</c>.</summary>
    public static ModelDefinition KlingV25TurboPro => Get("kling-v2-5-turbo-pro");

    /// <summary>The definition of model <paramref name="modelId"/> (exact, case-sensitive), or null when the SDK does not know it.</summary>
    public static ModelDefinition? Find(string? modelId)
    {
        // By index: a foreach over the interface would allocate an enumerator on every create and upload.
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i].Id, modelId, StringComparison.Ordinal))
            {
                return All[i];
            }
        }

        return null;
    }

    /// <summary>The entry a typed record is bound to; a missing one is a bug in the SDK, found by the catalogue tests.</summary>
    internal static ModelDefinition Get(string modelId) =>
        Find(modelId) ?? throw new InvalidOperationException($"The model catalogue has no entry '{modelId}'.");

    // Each model once, as its page documents it. Built in one method so no entry depends on the order in which
    // other static members are initialised.
    private static ModelDefinition[] Entries()
    {
        var oneImage = ImagesOnly(maxItems: 1, secondImageIsLastFrame: false);
        return
        [
            new("kling-v2-1-master", "Kling V2.1 Master", baseCredits: 160, maxPromptLength: 5000, CfgScaleModelParameters(), oneImage),
            new(
                "kling-2-6", "Kling 2.6", baseCredits: 55, maxPromptLength: 1000,
                [
                    ModelParameter.Select("duration", "5", "5", "10"),
                    ModelParameter.SelectBoolean("sound", "false"),
                    ModelParameter.Select("aspect_ratio", "1:1", "1:1", "16:9", "9:16"),
                ],
                oneImage),
            new(
                "kling-3-0", "Kling 3.0", baseCredits: 90, maxPromptLength: 2000,
                [
                    ModelParameter.Select("mode", "pro", "std", "pro"),
                    ModelParameter.SelectBoolean("multi_shots", "false"),
                    ModelParameter.Select("duration", "5", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"),
                    ModelParameter.SelectBoolean("sound", "false"),
                    ModelParameter.Select("aspect_ratio", "16:9", "16:9", "9:16", "1:1"),
                ],
                ImagesOnly(maxItems: 2, secondImageIsLastFrame: false)),
            new(
                "kling-v2-5-turbo-pro", "Kling V2.5 Turbo Pro", baseCredits: 42, maxPromptLength: 2500,
                CfgScaleModelParameters(), ImagesOnly(maxItems: 2, secondImageIsLastFrame: true)),
        ];
    }

    // kling-v2-1-master and kling-v2-5-turbo-pro document the same table.
    private static ModelParameter[] CfgScaleModelParameters() =>
    [
        ModelParameter.Select("duration", "5", "5", "10"),
        ModelParameter.Select("aspect_ratio", "16:9", "16:9", "9:16", "1:1"),
        ModelParameter.Text("negative_prompt"),
        ModelParameter.Number("cfg_scale", 0.5, 0, 1),
    ];

    private static ReferenceRules ImagesOnly(int maxItems, bool secondImageIsLastFrame) =>
        new(maxItems, [MediaKind.Image], [MimeTypes.Jpeg, MimeTypes.Png, MimeTypes.WebP], TenMegabytes, secondImageIsLastFrame);
}
