using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rivya.Sdk.Serialization;

/// <summary>
/// Reads one JSON value of an optional field the tolerant way: the value when it is usable, otherwise null (the value is
/// skipped, so the rest of the object is still read). Every byte of a response is hostile: nothing here throws for what
/// the server sent, except a malformed document, which the reader itself rejects with a <see cref="JsonException"/>.
/// </summary>
internal static class TolerantRead
{
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
                return RawNumber(ref reader);
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>An array's string items (others are dropped); anything but an array reads as empty.</summary>
    public static IReadOnlyList<string> StringList(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return Array.Empty<string>();
        }

        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String && String(ref reader) is { } item)
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

    private static string RawNumber(ref Utf8JsonReader reader)
    {
        // A number token is ASCII digits, sign, dot and exponent only, so this cannot meet invalid UTF-8.
        var bytes = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        return Encoding.UTF8.GetString(bytes);
    }

    private static T? SkipToNull<T>(ref Utf8JsonReader reader)
        where T : struct
    {
        reader.Skip();
        return null;
    }
}
