using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rivya.Sdk.Serialization;

/// <summary>
/// Reads and writes an extensible string value as its wire string. Unknown values are kept, never rejected:
/// a server that adds a status tomorrow must not break today's SDK.
/// </summary>
internal abstract class ExtensibleEnumConverter<T> : JsonConverter<T>
    where T : struct
{
    private readonly Func<string, T> _create;

    protected ExtensibleEnumConverter(Func<string, T> create) => _create = create;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => _create(reader.GetString()!),
            JsonTokenType.Null => default,
            // A number or boolean where a string was documented: keep its text rather than fail the whole response.
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => _create(ReadRawText(ref reader)),
            _ => throw new JsonException($"Expected a string for {typeof(T).Name}."),
        };

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    private static string ReadRawText(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }
}
