using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Rivya.Sdk.Testing.Json;

/// <summary>Writes response bodies with <see cref="Utf8JsonWriter"/>: no reflection, the exact snake_case shape Rivya documents.</summary>
internal static class JsonWriting
{
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, state);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Rivya's timestamp form: ISO-8601 UTC with milliseconds, e.g. <c>2026-05-11T00:00:00.000Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void WriteTimestamp(this Utf8JsonWriter writer, string propertyName, DateTimeOffset value) =>
        writer.WriteString(propertyName, Timestamp(value));

    public static void WriteStringArray(this Utf8JsonWriter writer, string propertyName, System.Collections.Generic.IEnumerable<string> values)
    {
        writer.WriteStartArray(propertyName);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
