using System.Collections.Generic;
using Rivya.Sdk.Generations;

namespace Rivya.Sdk;

/// <summary>
/// A request to generate a video: the prompt, the model's parameters (which also name the model) and an optional
/// id of the caller's own. <c>client.Generations.CreateAsync</c> validates it against the model's documented rules
/// before anything is sent.
/// </summary>
public sealed record GenerationRequest
{
    /// <summary>What to generate. Required, not blank, at most the model's <see cref="ModelDefinition.MaxPromptLength"/>.</summary>
    public required string Prompt { get; init; }

    /// <summary>The model and its parameters, e.g. <see cref="Kling30Params"/>.</summary>
    public required ModelParams Params { get; init; }

    /// <summary>Your own trace id, sent as <c>client_request_id</c> and kept by the server.</summary>
    public string? ClientRequestId { get; init; }

    /// <summary>
    /// Checks the request against its model's documented rules without sending it.
    /// </summary>
    /// <returns>Every violation found, or an empty list when the request is valid.</returns>
    public IReadOnlyList<ValidationError> Validate() => RequestValidator.Validate(this);

    /// <summary>
    /// The credits this request is expected to cost: the documented base credits of its model
    /// (<see cref="ModelDefinition.BaseCredits"/>), as Rivya bills these models <c>FIXED</c> per task whatever the
    /// parameters. Null for a model the SDK does not know (a <see cref="RawModelParams"/> id). Sends nothing; the
    /// server's price may have changed since this SDK shipped (<c>client.Models.CheckCatalogAsync</c> tells).
    /// </summary>
    public int? EstimateCredits() => ModelCatalog.Find(Params?.ModelId)?.BaseCredits;
}
