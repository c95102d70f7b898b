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
/// so a locale-style date such as <c>10/05/2026</c> cannot be silently misread as October 5. On net8.0+ the text is
/// parsed from a stack buffer: every generation carries two or three timestamps, and a string for each was most of
/// what a get allocated beyond a hand-written client.
/// </remarks>
internal sealed class TolerantDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    private const DateTimeStyles AssumeUtc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    // Far longer than any ISO-8601 timestamp (33 characters with 7 fractional digits and an offset); longer text is
    // not a timestamp and reads as null.
    private const int MaxLength = 64;

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadValue(ref reader);

    /// <summary>The timestamp at the reader in UTC; null for anything else (the value is skipped).</summary>
    public static DateTimeOffset? ReadValue(ref Utf8JsonReader reader)
    {
        try
        {
            return ReadCore(ref reader);
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 inside the string: not a timestamp.
            return null;
        }
    }

    private static DateTimeOffset? ReadCore(ref Utf8JsonReader reader)
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
        var text = reader.GetString();
        return text is not null && StartsWithIsoDate(text.AsSpan()) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, AssumeUtc, out var value)
            ? value
            : null;
#else
        // The raw length bounds the unescaped one, so the copy cannot overflow the buffer.
        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength > MaxLength)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[MaxLength];
        ReadOnlySpan<char> text = buffer[..reader.CopyString(buffer)];
        return StartsWithIsoDate(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, AssumeUtc, out var value)
            ? value
            : null;
#endif
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
}
