using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Rivya.Sdk.Common;

/// <summary>
/// The one scrubber for text a server (or an exception about a server's bytes) produced, before that text reaches an
/// exception message, a log line, a span tag or <see cref="Exception.Data"/>: it masks the API key, raw or in any
/// JSON-escaped form (every character may be <c>\uXXXX</c>-escaped on its own, <c>/</c> may be <c>\/</c>), URL-encoded
/// (<c>%XX</c>, either case) or base64-encoded (<see cref="Base64Runs"/>), and escapes
/// control and bidi characters so a CR, LF, ESC or BEL from the server can never forge a log line.
/// </summary>
internal static class SecretScrubber
{
    public const string Mask = "***";

    // One key per client and usually one client: remember the last key's base64 runs instead of recomputing them per text.
    private static Tuple<string, string[]>? _lastRuns;

    /// <summary>
    /// <paramref name="text"/> with the key masked (<see cref="Scrub"/>) and control characters escaped
    /// (<see cref="EscapeControls"/>): what every server-sent value goes through before it is shown.
    /// </summary>
    public static string? Clean(string? text, string? secret, bool wasCut = false) => EscapeControls(Scrub(text, secret, wasCut));

    /// <summary>
    /// <paramref name="text"/> with every occurrence of <paramref name="secret"/> masked, raw or JSON-escaped. When the
    /// text was cut short (<paramref name="wasCut"/>), a trailing start of the secret is masked too: half a key is
    /// still a leak.
    /// </summary>
    public static string? Scrub(string? text, string? secret, bool wasCut = false)
    {
        if (text is null || string.IsNullOrEmpty(secret) || text.Length == 0)
        {
            return text;
        }

        StringBuilder? scrubbed = null;
        var copiedUpTo = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = MatchAt(text, i, secret!, wasCut);
            if (end < 0)
            {
                continue;
            }

            scrubbed ??= new StringBuilder(text.Length);
            scrubbed.Append(text, copiedUpTo, i - copiedUpTo).Append(Mask);
            copiedUpTo = end;
            i = end - 1;
        }

        var result = scrubbed is null ? text : scrubbed.Append(text, copiedUpTo, text.Length - copiedUpTo).ToString();
        foreach (var run in Base64Runs(secret!))
        {
            // Replace returns the same instance when there is nothing to replace: no allocation for clean text.
            result = result.Replace(run, Mask);
        }

        return result;
    }

    /// <summary>
    /// The base64 spellings of a key: a key base64-encoded inside a longer value (an echoed <c>Authorization: Basic</c>,
    /// a token, a JSON blob) shows one of three character runs, one per alignment of its first byte, in standard or
    /// URL-safe base64. Only the characters that depend on the key's bytes alone are kept, so the run is found whatever
    /// surrounds the key; each run is at least 8 characters, so a short key cannot mask ordinary text.
    /// </summary>
    private static string[] Base64Runs(string secret)
    {
        var last = _lastRuns;
        if (last is not null && string.Equals(last.Item1, secret, StringComparison.Ordinal))
        {
            return last.Item2;
        }

        var key = Encoding.UTF8.GetBytes(secret);
        var runs = new List<string>(6);
        for (var offset = 0; offset < 3; offset++)
        {
            var padded = new byte[offset + key.Length];
            Array.Copy(key, 0, padded, offset, key.Length);
            var start = ((offset * 8) + 5) / 6;
            var end = (padded.Length * 8) / 6;
            if (end - start < 8)
            {
                continue;
            }

            var run = Convert.ToBase64String(padded).Substring(start, end - start);
            runs.Add(run);
            var urlSafe = run.Replace('+', '-').Replace('/', '_');
            if (!string.Equals(urlSafe, run, StringComparison.Ordinal))
            {
                runs.Add(urlSafe);
            }
        }

        _lastRuns = Tuple.Create(secret, runs.ToArray());
        return _lastRuns.Item2;
    }

    /// <summary>
    /// <paramref name="text"/> with every control character (C0, DEL, C1) and bidi control written as a visible escape
    /// (<c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\0</c>, <c>\u001B</c>), so one value can never start a new log line or
    /// rewrite the terminal.
    /// </summary>
    public static string? EscapeControls(string? text)
    {
        if (text is null)
        {
            return null;
        }

        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!NeedsEscape(c))
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            escaped.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                '\0' => "\\0",
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }

        return escaped?.ToString() ?? text;
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>
    /// Where a match of <paramref name="secret"/> starting at <paramref name="start"/> ends (exclusive), each of its
    /// characters raw or JSON-escaped; -1 when there is none. With <paramref name="wasCut"/>, a match cut off by the
    /// end of the text counts.
    /// </summary>
    private static int MatchAt(string text, int start, string secret, bool wasCut)
    {
        var position = start;
        for (var k = 0; k < secret.Length; k++)
        {
            if (position >= text.Length)
            {
                return wasCut && k > 0 ? position : -1;
            }

            var expected = secret[k];
            var c = text[position];
            if (c == expected)
            {
                position++;
                continue;
            }

            if (c == '%' && position + 2 < text.Length && Hex(text, position + 1, 2) == expected)
            {
                position += 3;
                continue;
            }

            if (c != '\\' || position + 1 >= text.Length)
            {
                return wasCut && k > 0 && c == '\\' ? text.Length : -1;
            }

            var next = text[position + 1];
            if (next == expected && next is '/' or '"' or '\\')
            {
                position += 2;
                continue;
            }

            if (next != 'u')
            {
                return -1;
            }

            var hexLength = Math.Min(4, text.Length - position - 2);
            if (hexLength < 4)
            {
                // An escape cut by the end of the text: with the text cut short, it may be the key's next character.
                return wasCut && k > 0 && Hex(text, position + 2, hexLength) >= 0 ? text.Length : -1;
            }

            if (Hex(text, position + 2, 4) != expected)
            {
                return -1;
            }

            position += 6;
        }

        return position;
    }

    /// <summary>The value of <paramref name="length"/> hex digits at <paramref name="start"/>, or -1 when one is not a hex digit.</summary>
    private static int Hex(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!Uri.IsHexDigit(text[i]))
            {
                return -1;
            }

            value = (value * 16) + Uri.FromHex(text[i]);
        }

        return value;
    }
}
