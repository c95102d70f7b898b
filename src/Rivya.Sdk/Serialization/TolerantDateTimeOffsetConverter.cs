using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rivya.Sdk.Serialization;

/// <summary>
/// Reads ISO-8601 timestamps as UTC; an unparseable one becomes null rather than failing the whole response, since a
/// timestamp is never worth losing a task id over.
/// </summary>
/// <remarks>
/// Utf8JsonReader.TryGetDateTimeOffset is not used: it reads a timestamp without an offset in the machine's local
/// zone, while Rivya's timestamps are UTC. Only text shaped like an ISO-8601 date (<c>yyyy-MM-dd...</c>) is parsed,
/// so a locale-style date such as <c>10/05/2026</c> cannot be silently misread as October 5.
/// </remarks>
internal sealed class TolerantDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    private const DateTimeStyles AssumeUtc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        var text = reader.GetString();
        return StartsWithIsoDate(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, AssumeUtc, out var value)
            ? value
            : null;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } timestamp)
        {
            writer.WriteStringValue(timestamp);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary><c>yyyy-MM-dd</c>, then the end or a time separator (<c>T</c>, <c>t</c> or a space, as RFC 3339 allows).</summary>
    private static bool StartsWithIsoDate(string? text)
    {
        if (text is null || text.Length < 10 || text[4] != '-' || text[7] != '-')
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
}
