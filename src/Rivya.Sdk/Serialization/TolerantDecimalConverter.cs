using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rivya.Sdk.Serialization;

/// <summary>
/// Reads credit amounts tolerantly: a JSON number, a number in a string, or <c>null</c> (read as 0, the documented
/// value of <c>final_credits</c> before a task ends). A credit field must never cost the caller the task it belongs to,
/// so an amount of another type or one a decimal cannot hold (<c>1e400</c>) also reads as 0.
/// </summary>
internal sealed class TolerantDecimalConverter : JsonConverter<decimal>
{
    public override bool HandleNull => true;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TolerantRead.Decimal(ref reader) ?? 0m;

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
