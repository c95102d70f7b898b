using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rivya.Sdk.Serialization;

// The context's converters for the primitive types of every response field: a value of the wrong type, out of range,
// or with invalid UTF-8 reads as null (or empty) instead of failing the whole response, so one odd optional field
// never costs the caller the task it belongs to. Writing is unchanged.

/// <summary>Strings: see <see cref="TolerantRead.String"/>.</summary>
internal sealed class TolerantStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TolerantRead.String(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Lists of strings: see <see cref="TolerantRead.StringList"/>.</summary>
internal sealed class TolerantStringListConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TolerantRead.StringList(ref reader);

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}

/// <summary>Optional credit amounts (<c>base_credits</c>): see <see cref="TolerantRead.Decimal"/>.</summary>
internal sealed class TolerantNullableDecimalConverter : JsonConverter<decimal?>
{
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TolerantRead.Decimal(ref reader);

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options) => WriteNullable(writer, value, static (w, v) => w.WriteNumberValue(v));

    internal static void WriteNullable<T>(Utf8JsonWriter writer, T? value, Action<Utf8JsonWriter, T> write)
        where T : struct
    {
        if (value is { } present)
        {
            write(writer, present);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>Optional durations and other fractional values: see <see cref="TolerantRead.Double"/>.</summary>
internal sealed class TolerantNullableDoubleConverter : JsonConverter<double?>
{
    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TolerantRead.Double(ref reader);

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options) =>
        TolerantNullableDecimalConverter.WriteNullable(writer, value, static (w, v) => w.WriteNumberValue(v));
}

/// <summary>Optional sizes: see <see cref="TolerantRead.Int64"/>.</summary>
internal sealed class TolerantNullableInt64Converter : JsonConverter<long?>
{
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TolerantRead.Int64(ref reader);

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options) =>
        TolerantNullableDecimalConverter.WriteNullable(writer, value, static (w, v) => w.WriteNumberValue(v));
}

/// <summary>Optional counts and limits: see <see cref="TolerantRead.Int32"/>.</summary>
internal sealed class TolerantNullableInt32Converter : JsonConverter<int?>
{
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TolerantRead.Int32(ref reader);

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options) =>
        TolerantNullableDecimalConverter.WriteNullable(writer, value, static (w, v) => w.WriteNumberValue(v));
}

/// <summary>Optional flags: see <see cref="TolerantRead.Boolean"/>.</summary>
internal sealed class TolerantNullableBooleanConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TolerantRead.Boolean(ref reader);

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options) =>
        TolerantNullableDecimalConverter.WriteNullable(writer, value, static (w, v) => w.WriteBooleanValue(v));
}

/// <summary>
/// Makes the converters of the value types (these and the credit and timestamp ones) when a type with such a member is
/// first read. Cold start: registered one by one, each (a generic over a struct) was JIT-compiled on a process's first
/// call, which reads none of them.
/// </summary>
internal sealed class TolerantValueConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => Create(typeToConvert) is not null;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) => Create(typeToConvert);

    private static JsonConverter? Create(Type type) =>
        type == typeof(decimal) ? new TolerantDecimalConverter()
        : type == typeof(DateTimeOffset?) ? new TolerantDateTimeOffsetConverter()
        : type == typeof(decimal?) ? new TolerantNullableDecimalConverter()
        : type == typeof(double?) ? new TolerantNullableDoubleConverter()
        : type == typeof(long?) ? new TolerantNullableInt64Converter()
        : type == typeof(int?) ? new TolerantNullableInt32Converter()
        : type == typeof(bool?) ? new TolerantNullableBooleanConverter()
        : null;
}
