using System;

namespace Rivya.Sdk.Http;

/// <summary>
/// Removes the API key from text a server sent back (an echoing proxy, a debug page) before that text can reach an
/// exception message, a log line or a span.
/// </summary>
internal static class SecretScrubber
{
    public const string Mask = "***";

    /// <summary>
    /// <paramref name="text"/> with every occurrence of <paramref name="secret"/> masked. When the text was cut short
    /// (<paramref name="wasCut"/>), a trailing start of the secret is masked too: half a key is still a leak.
    /// </summary>
    public static string? Scrub(string? text, string? secret, bool wasCut = false)
    {
        if (text is null || string.IsNullOrEmpty(secret))
        {
            return text;
        }

        var scrubbed = text.Replace(secret, Mask);
        if (wasCut)
        {
            for (var length = Math.Min(secret!.Length - 1, scrubbed.Length); length > 0; length--)
            {
                if (string.CompareOrdinal(scrubbed, scrubbed.Length - length, secret, 0, length) == 0)
                {
                    return scrubbed.Remove(scrubbed.Length - length) + Mask;
                }
            }
        }

        return scrubbed;
    }
}
