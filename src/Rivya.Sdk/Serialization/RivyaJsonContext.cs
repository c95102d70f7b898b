using System.Text.Json.Serialization;

namespace Rivya.Sdk.Serialization;

/// <summary>
/// The one source-generated JSON context of the SDK: no reflection-based serialization anywhere, so the package
/// is trimming- and NativeAOT-safe. Responses are read tolerantly: unknown fields are skipped, numbers sent as
/// strings are accepted.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(TolerantDateTimeOffsetConverter)])]
[JsonSerializable(typeof(GenerationRequest))]
[JsonSerializable(typeof(Generation))]
[JsonSerializable(typeof(CreditBalance))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(ReferenceMediaItem))]
[JsonSerializable(typeof(RivyaFile))]
[JsonSerializable(typeof(ErrorEnvelope))]
internal sealed partial class RivyaJsonContext : JsonSerializerContext
{
}
