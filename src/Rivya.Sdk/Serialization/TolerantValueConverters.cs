using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rivya.Sdk.Serialization;

/// <summary>
/// The context's converters for the primitive types of every response field, each reading with
/// <see cref="TolerantRead"/>: a value of the wrong type, out of range, or with invalid UTF-8 reads as null (or empty,
/// or a credit amount of 0) instead of failing the whole response, so one odd optional field never costs the caller the
/// task it belongs to. Writing is unchanged; the serializer writes a null itself, so a nullable value written here is set.
/// </summary>
/// <remarks>
/// Cold start: each converter is made when a type with such a member is first read. Registered one by one, each (a
/// generic over a struct) was JIT-compiled on a process's first call, which reads none of them.
/// </remarks>
internal sealed class TolerantValueConverterFactory : JsonConverterFactory
{
    private delegate T Reader<T>(ref Utf8JsonReader reader);

    public override bool CanConvert(Type typeToConvert) => Create(typeToConvert) is not null;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) => Create(typeToConvert);

    private static JsonConverter? Create(Type type) =>
        type == typeof(string) ? new Converter<string?>(TolerantRead.String, static (w, v) => w.WriteStringValue(v))
        : type == typeof(IReadOnlyList<string>) ? new Converter<IReadOnlyList<string>>(TolerantRead.StringList, null)
        : type == typeof(IReadOnlyList<RivyaModel>) ? new Converter<IReadOnlyList<RivyaModel>>(TolerantRead.Models, null)
        : type == typeof(decimal) ? new Converter<decimal>(TolerantRead.Credits, static (w, v) => w.WriteNumberValue(v))
        : type == typeof(DateTimeOffset?)
            ? new Converter<DateTimeOffset?>(TolerantRead.Timestamp, static (w, v) => w.WriteStringValue(v.GetValueOrDefault()))
        : type == typeof(decimal?)
            ? new Converter<decimal?>(TolerantRead.Decimal, static (w, v) => w.WriteNumberValue(v.GetValueOrDefault()))
        : type == typeof(double?) ? new Converter<double?>(TolerantRead.Double, static (w, v) => w.WriteNumberValue(v.GetValueOrDefault()))
        : type == typeof(long?) ? new Converter<long?>(TolerantRead.Int64, static (w, v) => w.WriteNumberValue(v.GetValueOrDefault()))
        : type == typeof(int?) ? new Converter<int?>(TolerantRead.Int32, static (w, v) => w.WriteNumberValue(v.GetValueOrDefault()))
        : type == typeof(bool?) ? new Converter<bool?>(TolerantRead.Boolean, static (w, v) => w.WriteBooleanValue(v.GetValueOrDefault()))
        : null;

    /// <summary>Without a writer, the type is one the SDK only reads.</summary>
    private sealed class Converter<T>(Reader<T> read, Action<Utf8JsonWriter, T>? write) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => read(ref reader);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            (write ?? throw new NotSupportedException($"The SDK does not write {typeof(T).Name} as JSON."))(writer, value);
    }
}
