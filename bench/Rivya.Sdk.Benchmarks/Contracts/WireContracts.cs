using System;
using System.Collections.Generic;

namespace Rivya.Sdk.Benchmarks.Contracts;

// The DTOs a developer would write by hand for the two calls, shared by the hand-written baseline and the Refit
// client: the smallest honest model of the wire, with no validation and no extensible enums.

public sealed class CreateGenerationBody
{
    public required string Model { get; init; }

    public required string Prompt { get; init; }

    public Kling30Body? Params { get; init; }

    public string? ClientRequestId { get; init; }
}

public sealed class Kling30Body
{
    public string? Mode { get; init; }

    public string? MultiShots { get; init; }

    public string? Duration { get; init; }

    public string? Sound { get; init; }

    public string? AspectRatio { get; init; }
}

public sealed class GenerationDto
{
    public string Id { get; init; } = string.Empty;

    public string? Status { get; init; }

    public string? Model { get; init; }

    public decimal ReservedCredits { get; init; }

    public decimal FinalCredits { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public GenerationResultDto? Result { get; init; }

    public GenerationErrorDto? Error { get; init; }
}

public sealed class GenerationResultDto
{
    public string? PrimaryUrl { get; init; }

    public IReadOnlyList<string>? Urls { get; init; }
}

public sealed class GenerationErrorDto
{
    public string? Code { get; init; }

    public string? Message { get; init; }
}

public sealed class FileDto
{
    public string Id { get; init; } = string.Empty;

    public string? Url { get; init; }

    public string? Kind { get; init; }

    public string? MimeType { get; init; }

    public string? Name { get; init; }
}
