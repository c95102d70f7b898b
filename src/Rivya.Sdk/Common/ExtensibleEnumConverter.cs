using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rivya.Sdk.Common;

/// <summary>
/// Reads and writes an extensible string value as its wire string. Unknown values are kept, never rejected:
/// a server that adds a status tomorrow must not break today's SDK. Text equal to one of the <c>known</c> values
/// (exactly, as the server writes it) is read as that value without allocating a string, which matters for a status
/// read on every poll; any other text goes through <c>create</c>.
/// </summary>
internal abstract class ExtensibleEnumConverter<T>(Func<string, T> create, params T[] known) : JsonConverter<T>
    where T : struct
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => ReadString(ref reader),
            JsonTokenType.Null => default,
            // A number or boolean where a string was documented: keep its text rather than fail the whole response.
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => create(ReadRawText(ref reader)),
            // An object or array says nothing usable: the value reads as unset, the rest of the response is kept.
            _ => SkipToDefault(ref reader),
        };

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    private T ReadString(ref Utf8JsonReader reader)
    {
        foreach (var known in known)
        {
            if (reader.ValueTextEquals(known.ToString()))
            {
                return known;
            }
        }

        try
        {
            return create(reader.GetString()!);
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 inside the string.
            return default;
        }
    }

    private static T SkipToDefault(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return default;
    }

    private static string ReadRawText(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }
}
