using System;

namespace Rivya.Sdk;

internal static class MimeTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string WebP = "image/webp";

    /// <summary><c>image/png; q=1</c> → <c>image/png</c>, trimmed, without allocating.</summary>
    public static ReadOnlySpan<char> StripParameters(string mimeType)
    {
        var span = mimeType.AsSpan();
        var semicolon = span.IndexOf(';');
        return (semicolon >= 0 ? span.Slice(0, semicolon) : span).Trim();
    }

    /// <summary>Whether <paramref name="mimeType"/> is in <paramref name="allowed"/> (case-insensitive, parameters ignored), without allocating.</summary>
    public static bool IsOneOf(string mimeType, string[] allowed)
    {
        var bare = StripParameters(mimeType);
        foreach (var candidate in allowed)
        {
            if (bare.Equals(candidate.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
