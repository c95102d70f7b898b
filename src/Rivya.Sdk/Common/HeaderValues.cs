using System;
using System.Collections.Generic;
using System.Globalization;

namespace Rivya.Sdk.Common;

/// <summary>
/// The wire-safety check of every value that becomes a header or a part header. A header value may hold printable
/// ASCII, spaces and tabs only: a CR or LF would end the header (and could smuggle a second request), a NUL cuts it,
/// and non-ASCII has no agreed encoding in HTTP/1.1 headers. A bad value is a configuration error of the caller, so it
/// is an <see cref="ArgumentException"/> naming the option and the character, thrown before anything is sent.
/// </summary>
internal static class HeaderValues
{
    // Longest header value accepted; servers and proxies commonly refuse a header section past 8 KB.
    private const int MaxValueLength = 4096;

    /// <summary>Headers the SDK owns: setting them through <see cref="RequestOptions.Headers"/> is refused, with the option to use instead.</summary>
    private static readonly Dictionary<string, string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Authorization"] = "the key comes from RivyaClientOptions.ApiKey",
        ["Idempotency-Key"] = "set RequestOptions.IdempotencyKey, so the key an exception reports is the key that was sent",
        ["Host"] = "the host comes from RivyaClientOptions.BaseAddress",
        ["Content-Length"] = "the SDK frames the body itself",
        ["Transfer-Encoding"] = "the SDK frames the body itself",
        ["Content-Type"] = "the SDK sets the body's type",
        ["Connection"] = "the connection is managed by the HttpClient",
        ["Upgrade"] = "the connection is managed by the HttpClient",
        ["TE"] = "the connection is managed by the HttpClient",
        ["Trailer"] = "the connection is managed by the HttpClient",
        ["Expect"] = "the connection is managed by the HttpClient",
    };

    /// <summary>Null when <paramref name="value"/> can go in a header as is, else why not (naming <paramref name="option"/>).</summary>
    public static string? Problem(string option, string? value)
    {
        if (value is null)
        {
            return $"{option} must not be null.";
        }

        if (value.Length > MaxValueLength)
        {
            return Invariant($"{option} is {value.Length} characters long; a header value may be at most {MaxValueLength}.");
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '\t' || (c >= ' ' && c < '\x7F'))
            {
                continue;
            }

            return Invariant($"{option} contains {Describe(c)} at index {i}: a header value may hold printable ASCII, spaces and tabs only. Nothing was sent.");
        }

        return null;
    }

    /// <exception cref="ArgumentException"><paramref name="value"/> cannot go in a header.</exception>
    public static void Check(string option, string? value, string paramName)
    {
        if (Problem(option, value) is { } problem)
        {
            throw new ArgumentException(problem, paramName);
        }
    }

    /// <summary>Checks a caller's extra header: a token name (RFC 9110), not one the SDK owns, and a safe value.</summary>
    /// <exception cref="ArgumentException">The header cannot be sent.</exception>
    public static void CheckExtra(string? name, string? value, string paramName)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("RequestOptions.Headers has an empty header name. Nothing was sent.", paramName);
        }

        for (var i = 0; i < name!.Length; i++)
        {
            if (!IsTokenChar(name[i]))
            {
                throw new ArgumentException(
                    Invariant($"RequestOptions.Headers name '{Escape(name)}' contains {Describe(name[i])} at index {i}: a header name may hold letters, digits and !#$%&'*+-.^_`|~ only. Nothing was sent."),
                    paramName);
            }
        }

        if (Reserved.TryGetValue(name, out var instead))
        {
            throw new ArgumentException($"RequestOptions.Headers cannot set {name}: {instead}. Nothing was sent.", paramName);
        }

        Check($"RequestOptions.Headers[\"{name}\"]", value, paramName);
    }

    /// <summary>A character as a reader can see it: <c>U+000D (CR)</c>, <c>'é' (U+00E9)</c>.</summary>
    public static string Describe(char c) => c switch
    {
        '\r' => "U+000D (CR)",
        '\n' => "U+000A (LF)",
        '\0' => "U+0000 (NUL)",
        '\x1B' => "U+001B (ESC)",
        '\a' => "U+0007 (BEL)",
        _ when char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c) => Invariant($"U+{(int)c:X4}"),
        _ => Invariant($"'{c}' (U+{(int)c:X4})"),
    };

    private static string Escape(string text) => SecretScrubber.EscapeControls(text) ?? string.Empty;

    private static bool IsTokenChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
