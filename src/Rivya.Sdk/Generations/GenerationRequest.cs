using System.Collections.Generic;
using System.Text.Json.Serialization;
using Rivya.Sdk.Serialization;
using Rivya.Sdk.Validation;

namespace Rivya.Sdk;

/// <summary>
/// A request to generate a video: the prompt, the model's parameters (which also name the model) and an optional
/// id of the caller's own. <c>client.Generations.CreateAsync</c> validates it against the model's documented rules
/// before anything is sent.
/// </summary>
[JsonConverter(typeof(GenerationRequestJsonConverter))]
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
}
