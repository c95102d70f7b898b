using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;

namespace Rivya.Sdk.Tests.Validation;

/// <summary>Builds a model's typed record with one property set, so a test can probe one rule at a time.</summary>
internal static class ParamsFor
{
    public static ModelParams Duration(string modelId, int duration) => modelId switch
    {
        "kling-v2-1-master" => new KlingV21MasterParams { Duration = duration },
        "kling-2-6" => new Kling26Params { Duration = duration },
        "kling-3-0" => new Kling30Params { Duration = duration },
        "kling-v2-5-turbo-pro" => new KlingV25TurboProParams { Duration = duration },
        _ => throw new ArgumentOutOfRangeException(nameof(modelId)),
    };

    public static ModelParams AspectRatio(string modelId, AspectRatio ratio) => modelId switch
    {
        "kling-v2-1-master" => new KlingV21MasterParams { AspectRatio = ratio },
        "kling-2-6" => new Kling26Params { AspectRatio = ratio },
        "kling-3-0" => new Kling30Params { AspectRatio = ratio },
        "kling-v2-5-turbo-pro" => new KlingV25TurboProParams { AspectRatio = ratio },
        _ => throw new ArgumentOutOfRangeException(nameof(modelId)),
    };

    public static ModelParams CfgScale(string modelId, double cfgScale) => modelId switch
    {
        "kling-v2-1-master" => new KlingV21MasterParams { CfgScale = cfgScale },
        "kling-v2-5-turbo-pro" => new KlingV25TurboProParams { CfgScale = cfgScale },
        _ => throw new ArgumentOutOfRangeException(nameof(modelId), "only these two models document cfg_scale"),
    };

    /// <summary>The documented minimal params of the model with <paramref name="items"/> as references.</summary>
    public static ModelParams References(string modelId, params ReferenceMediaItem[] items) =>
        Documented.MinimalParams(modelId) with { ReferenceMediaItems = items };

    /// <summary>A valid image reference; <paramref name="index"/> makes each URL distinct.</summary>
    public static ReferenceMediaItem Image(int index) =>
        ReferenceMediaItem.Image($"https://cdn.example.com/reference-{index}.png", "image/png");

    public static ReferenceMediaItem[] Images(int count) => Enumerable.Range(0, count).Select(Image).ToArray();

    public static IReadOnlyList<ValidationError> Errors(ModelParams parameters, string prompt = Documented.Prompt) =>
        Wire.Request(parameters, prompt).Validate();

    /// <summary>Asserts exactly one error, at <paramref name="path"/>, and returns it.</summary>
    public static ValidationError SingleError(ModelParams parameters, string path, string prompt = Documented.Prompt)
    {
        var error = Errors(parameters, prompt).Should().ContainSingle().Subject;
        error.Path.Should().Be(path);
        return error;
    }
}
