using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rivya.Sdk.Serialization;

/// <summary>
/// Reads credit amounts tolerantly: a JSON number, a number in a string, or <c>null</c> (read as 0, the documented
/// value of <c>final_credits</c> before a task ends). A credit field must never cost the caller the task it belongs to.
/// </summary>
internal sealed class TolerantDecimalConverter : JsonConverter<decimal>
{
    public override bool HandleNull => true;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDecimal(out var value) => value,
        JsonTokenType.Number => (decimal)reader.GetDouble(),
        JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        JsonTokenType.Null => 0m,
        _ => throw new JsonException($"Expected a number for a credit amount; got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
