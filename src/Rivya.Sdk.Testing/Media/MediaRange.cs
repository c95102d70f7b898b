using System;
using System.Globalization;

namespace Rivya.Sdk.Testing.Media;

/// <summary>A single <c>bytes=start-</c> or <c>bytes=start-end</c> range (RFC 9110), clamped to the content.</summary>
internal readonly record struct MediaRange(long Start, long End)
{
    public long Length => End - Start + 1;

    /// <summary>The range asked for; null when there is no usable one (absent, multi-range, suffix or malformed: the whole file is served).</summary>
    public static MediaRange? Parse(string? header, long contentLength, out bool unsatisfiable)
    {
        unsatisfiable = false;
        if (header is null || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var spec = header.AsSpan(6).Trim();
        var dash = spec.IndexOf('-');
        if (dash <= 0 || !long.TryParse(spec[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return null;
        }

        var endText = spec[(dash + 1)..];
        var end = contentLength - 1;
        if (endText.Length > 0)
        {
            if (!long.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out end) || end < start)
            {
                return null;
            }

            end = Math.Min(end, contentLength - 1);
        }

        if (start >= contentLength)
        {
            unsatisfiable = true;
            return null;
        }

        return new MediaRange(start, end);
    }
}
