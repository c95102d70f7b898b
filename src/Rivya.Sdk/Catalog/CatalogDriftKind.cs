namespace Rivya.Sdk;

/// <summary>What <c>client.Models.CheckCatalogAsync</c> found changed between a built-in model and the live catalogue.</summary>
public enum CatalogDriftKind
{
    /// <summary>The server no longer lists the model.</summary>
    Missing,

    /// <summary><c>max_prompt_length</c> differs from <see cref="ModelDefinition.MaxPromptLength"/>.</summary>
    PromptLimit,

    /// <summary><c>base_credits</c> differs from <see cref="ModelDefinition.BaseCredits"/> (so does <c>EstimateCredits</c>).</summary>
    BaseCredits,

    /// <summary><c>api_status</c> is no longer <c>available</c>.</summary>
    ApiStatus,

    /// <summary>A select parameter's options, where the server lists them, differ from <see cref="ModelParameter.Options"/>.</summary>
    ParameterOptions,
}
