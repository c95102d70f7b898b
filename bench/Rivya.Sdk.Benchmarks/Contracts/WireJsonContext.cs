using System.Text.Json.Serialization;

namespace Rivya.Sdk.Benchmarks.Contracts;

/// <summary>The baseline's and Refit's own source-generated context: snake_case, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateGenerationBody))]
[JsonSerializable(typeof(GenerationDto))]
[JsonSerializable(typeof(FileDto))]
public sealed partial class WireJsonContext : JsonSerializerContext
{
}
