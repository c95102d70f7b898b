using System;

namespace Rivya.Sdk.Validation;

/// <summary>
/// The one rule for a reference media URL: absolute http or https, a non-empty host, a numeric port when one is
/// given, no whitespace or control characters. The SDK validates with it and the fake server (Rivya.Sdk.Testing)
/// answers with it, so the two cannot disagree.
/// </summary>
internal static class ReferenceUrl
{
    private const int MaxPort = 65535;

    // A span check rather than Uri.TryCreate, so a valid request validates without allocating.
    public static bool IsAbsoluteHttpUrl(string? url)
    {
        if (url is null)
        {
            return false;
        }

        foreach (var c in url)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        var rest = url.AsSpan();
        var scheme = rest.StartsWith("https://".AsSpan(), StringComparison.OrdinalIgnoreCase) ? "https://".Length
            : rest.StartsWith("http://".AsSpan(), StringComparison.OrdinalIgnoreCase) ? "http://".Length
            : 0;
        if (scheme == 0)
        {
            return false;
        }

        rest = rest.Slice(scheme);
        var authorityEnd = rest.IndexOfAny('/', '?', '#');
        var authority = authorityEnd < 0 ? rest : rest.Slice(0, authorityEnd);
        if (authority.IsEmpty || authority[0] == ':' || authority[0] == '@')
        {
            return false;
        }

        var hostAndPort = authority.Slice(authority.LastIndexOf('@') + 1);
        return IsHostAndPort(hostAndPort);
    }

    private static bool IsHostAndPort(ReadOnlySpan<char> hostAndPort)
    {
        ReadOnlySpan<char> afterHost;
        if (!hostAndPort.IsEmpty && hostAndPort[0] == '[')
        {
            // An IPv6 literal: [::1] or [::1]:8080.
            var close = hostAndPort.IndexOf(']');
            if (close < 2)
            {
                return false;
            }

            afterHost = hostAndPort.Slice(close + 1);
        }
        else
        {
            var colon = hostAndPort.IndexOf(':');
            var host = colon < 0 ? hostAndPort : hostAndPort.Slice(0, colon);
            if (host.IsEmpty)
            {
                return false;
            }

            afterHost = colon < 0 ? ReadOnlySpan<char>.Empty : hostAndPort.Slice(colon);
        }

        return afterHost.IsEmpty || (afterHost[0] == ':' && IsPort(afterHost.Slice(1)));
    }

    private static bool IsPort(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty || digits.Length > 5)
        {
            return false;
        }

        var port = 0;
        foreach (var c in digits)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            port = (port * 10) + (c - '0');
        }

        return port <= MaxPort;
    }
}
