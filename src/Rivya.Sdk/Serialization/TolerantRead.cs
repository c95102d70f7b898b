using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Rivya.Sdk.Serialization;

/// <summary>
/// Reads one JSON value of an optional field the tolerant way: the value when it is usable, otherwise null (the value is
/// skipped, so the rest of the object is still read). Every byte of a response is hostile: nothing here throws for what
/// the server sent, except a malformed document, which the reader itself rejects with a <see cref="JsonException"/>.
/// </summary>
internal static class TolerantRead
{
    private const DateTimeStyles AssumeUtc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    // Far longer than any ISO-8601 timestamp (33 characters with 7 fractional digits and an offset); longer text is
    // not a timestamp and reads as null.
    private const int MaxTimestampLength = 64;

    private static JsonTypeInfo<RivyaModel> ModelInfo => RivyaJsonContext.Default.RivyaModel;

    /// <summary>A string; a number keeps its text (an id sent as a number is still an id); anything else is null.</summary>
    public static string? String(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    // Invalid UTF-8 inside the string: the text is unreadable, the object around it is not.
                    return null;
                }

            case JsonTokenType.Number:
                // A number token is ASCII digits, sign, dot and exponent only, so this cannot meet invalid UTF-8.
                return Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>An array's string items (others are dropped); anything but an array reads as empty.</summary>
    public static IReadOnlyList<string> StringList(ref Utf8JsonReader reader) =>
        Items(ref reader, JsonTokenType.String, String);

    /// <summary>A decimal from a number or a numeric string; null when absent, of another type, or out of range.</summary>
    public static decimal? Decimal(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                // TryGetDecimal refuses what a decimal cannot hold (1e400, 1e30): that is not a credit amount, so null.
                return reader.TryGetDecimal(out var value) ? value : null;
            case JsonTokenType.String:
                return String(ref reader) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>
    /// A credit amount: <see cref="Decimal"/>, with 0 for anything else (<c>null</c> is the documented value of
    /// <c>final_credits</c> before a task ends, and a credit field must never cost the caller the task it belongs to).
    /// </summary>
    public static decimal Credits(ref Utf8JsonReader reader) => Decimal(ref reader) ?? 0m;

    /// <summary>A finite double from a number or a numeric string; otherwise null.</summary>
    public static double? Double(ref Utf8JsonReader reader)
    {
        double? value = reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetDouble(out var number) ? number : null,
            JsonTokenType.String => String(ref reader) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
            _ => SkipToNull<double>(ref reader),
        };

        return value is { } finite && !double.IsNaN(finite) && !double.IsInfinity(finite) ? finite : null;
    }

    /// <summary>A 64-bit integer from an integral number or string in range; otherwise null.</summary>
    public static long? Int64(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.TryGetInt64(out var number) ? number : null,
        JsonTokenType.String => String(ref reader) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        _ => SkipToNull<long>(ref reader),
    };

    /// <summary>A 32-bit integer from an integral number or string in range; otherwise null.</summary>
    public static int? Int32(ref Utf8JsonReader reader) => Int64(ref reader) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>true or false, also as the strings <c>"true"</c> and <c>"false"</c> (Rivya sends select values as strings); otherwise null.</summary>
    public static bool? Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String => String(ref reader) is { } text && bool.TryParse(text, out var parsed) ? parsed : null,
        _ => SkipToNull<bool>(ref reader),
    };

    /// <summary>The catalogue's <c>data</c>: entries that are not objects are dropped; anything but an array reads as empty.</summary>
    public static IReadOnlyList<RivyaModel> Models(ref Utf8JsonReader reader) =>
        Items(ref reader, JsonTokenType.StartObject, static (ref Utf8JsonReader r) => JsonSerializer.Deserialize(ref r, ModelInfo));

    /// <summary>The timestamp at the reader in UTC; null for anything else.</summary>
    /// <remarks>
    /// Utf8JsonReader.TryGetDateTimeOffset alone is not enough: it reads a timestamp without an offset in the machine's
    /// local zone, while Rivya's timestamps are UTC. Only text shaped like an ISO-8601 date (<c>yyyy-MM-dd...</c>) is
    /// parsed, so a locale-style date such as <c>10/05/2026</c> cannot be silently misread as October 5. On net8.0+ the
    /// text is parsed from a stack buffer: every generation carries two or three timestamps, and a string for each was
    /// most of what a get allocated beyond a hand-written client.
    /// </remarks>
    public static DateTimeOffset? Timestamp(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        // The common case, a timestamp with an explicit offset such as 2026-05-10T00:00:00.000Z, goes through
        // System.Text.Json's own UTF-8 ISO-8601 parser: several times cheaper than DateTimeOffset.TryParse, which was
        // the largest cost of reading a generation. Without an offset it would read local time, so those (and
        // anything it refuses) take the general path below.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && HasExplicitOffset(reader.ValueSpan) && reader.TryGetDateTimeOffset(out var exact))
        {
            return exact.ToUniversalTime();
        }

#if NETSTANDARD2_0
        var text = String(ref reader);
        return text is not null && StartsWithIsoDate(text.AsSpan()) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, AssumeUtc, out var value)
            ? value
            : null;
#else
        // The raw length bounds the unescaped one, so the copy cannot overflow the buffer.
        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength > MaxTimestampLength)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[MaxTimestampLength];
        int length;
        try
        {
            length = reader.CopyString(buffer);
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 inside the string: not a timestamp.
            return null;
        }

        ReadOnlySpan<char> text = buffer[..length];
        return StartsWithIsoDate(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, AssumeUtc, out var value)
            ? value
            : null;
#endif
    }

    private delegate T? ItemReader<T>(ref Utf8JsonReader reader)
        where T : class;

    /// <summary>An array's items of one token type that read as non-null (others are dropped); anything else is empty.</summary>
    private static IReadOnlyList<T> Items<T>(ref Utf8JsonReader reader, JsonTokenType itemToken, ItemReader<T> readItem)
        where T : class
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return Array.Empty<T>();
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == itemToken && readItem(ref reader) is { } item)
            {
                items.Add(item);
            }
            else
            {
                reader.Skip();
            }
        }

        return items;
    }

    /// <summary>A <c>Z</c> or a signed offset after the date (a <c>-</c> past index 10 can only be an offset's sign).</summary>
    private static bool HasExplicitOffset(ReadOnlySpan<byte> utf8) =>
        utf8.Length > 11 && (utf8[^1] == (byte)'Z' || utf8[11..].IndexOfAny((byte)'+', (byte)'-') >= 0);

    /// <summary><c>yyyy-MM-dd</c>, then the end or a time separator (<c>T</c>, <c>t</c> or a space, as RFC 3339 allows).</summary>
    private static bool StartsWithIsoDate(ReadOnlySpan<char> text)
    {
        if (text.Length < 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        for (var i = 0; i < 10; i++)
        {
            if (i != 4 && i != 7 && text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return text.Length == 10 || text[10] is 'T' or 't' or ' ';
    }

    private static T? SkipToNull<T>(ref Utf8JsonReader reader)
        where T : struct
    {
        reader.Skip();
        return null;
    }
}
