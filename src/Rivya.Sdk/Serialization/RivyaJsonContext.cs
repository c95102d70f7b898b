using System.Text.Json.Serialization;

namespace Rivya.Sdk.Serialization;

/// <summary>
/// The one source-generated JSON context of the SDK: no reflection-based serialization anywhere, so the package
/// is trimming- and NativeAOT-safe. Responses are read tolerantly: unknown fields are skipped, numbers sent as
/// strings are accepted, and an optional field of the wrong type, out of range or with invalid UTF-8 reads as unset
/// (the converters below) rather than failing the object that holds it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [
        typeof(TolerantValueConverterFactory),
        typeof(TolerantGenerationConverter),
        // Registered here rather than on the type, so GenerationRequest (a protocol type) needs nothing of this layer.
        typeof(GenerationRequestJsonConverter)])]
[JsonSerializable(typeof(GenerationRequest))]
[JsonSerializable(typeof(Generation))]
[JsonSerializable(typeof(CreditBalance))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(ReferenceMediaItem))]
[JsonSerializable(typeof(RivyaFile))]
[JsonSerializable(typeof(ErrorEnvelope))]
// The extensible values on their own, so each is readable and writable through this context (GenerationStatus and
// MediaKind are also reached through Generation and ReferenceMediaItem; AspectRatio and Kling30Mode were not at all).
[JsonSerializable(typeof(AspectRatio))]
[JsonSerializable(typeof(Kling30Mode))]
[JsonSerializable(typeof(MediaKind))]
[JsonSerializable(typeof(GenerationStatus))]
internal sealed partial class RivyaJsonContext : JsonSerializerContext
{
}
