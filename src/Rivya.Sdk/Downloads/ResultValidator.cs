using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// What identifies the bytes being downloaded and their size, so a resume asks for the same representation
/// (<c>If-Range</c>) and a full answer can be told apart from a changed file.
/// </summary>
/// <param name="ETag">
/// A strong entity tag, quoted as on the wire (a weak one cannot be used with <c>If-Range</c>); null when the server
/// sent none. Kept as the raw text: it is parsed only when a resume sends it back.
/// </param>
/// <param name="LastModified">The answer's <c>Last-Modified</c>, kept only when it has no <paramref name="ETag"/>.</param>
/// <param name="Total">The whole result's size, when known.</param>
internal sealed record ResultValidator(string? ETag, DateTimeOffset? LastModified, long? Total)
{
    public static ResultValidator From(HttpResponseMessage response, long? total)
    {
        var etag = StrongETag(response);
        return new ResultValidator(etag, etag is null ? response.Content?.Headers.LastModified : null, total);
    }

    /// <summary>The <c>If-Range</c> condition for a resume; null when the server gave nothing to condition on.</summary>
    public RangeConditionHeaderValue? Condition() =>
        ETag is not null ? new RangeConditionHeaderValue(new EntityTagHeaderValue(ETag))
        : LastModified is { } date ? new RangeConditionHeaderValue(date)
        : null;

    /// <summary>True when <paramref name="other"/> is provably the same bytes: no differing size, and the same strong ETag, or (neither having one) the same date and size.</summary>
    public bool SameAs(ResultValidator other)
    {
        if (Total is not null && other.Total is not null && Total != other.Total)
        {
            return false;
        }

        if (ETag is not null || other.ETag is not null)
        {
            return ETag is not null && other.ETag is not null && string.Equals(ETag, other.ETag, StringComparison.Ordinal);
        }

        return LastModified is { } mine && other.LastModified == mine && Total is not null && Total == other.Total;
    }

    private static string? StrongETag(HttpResponseMessage response)
    {
#if NET8_0_OR_GREATER
        // The raw header, not Headers.ETag: parsing it cost about 110 B per download (DownloadBenchmarks, 1 MiB) that
        // only a resume needs; EntityTagHeaderValue parses it then (Condition).
        if (!response.Headers.NonValidated.TryGetValues("ETag", out var values) || values.Count != 1)
        {
            return null;
        }

        var tag = values.ToString().Trim();
#else
        var tag = response.Headers.ETag is { IsWeak: false } strong ? strong.Tag : null;
#endif
        return tag is not null && IsPlainQuoted(tag) ? tag : null;
    }

    // A quoted tag with no escape, no quote inside and printable ASCII only: what EntityTagHeaderValue always accepts,
    // and what goes back on the wire in If-Range without a control character that would split the header.
    private static bool IsPlainQuoted(string tag)
    {
        if (tag.Length < 2 || tag.Length > 256 || tag[0] != '"' || tag.IndexOf('"', 1) != tag.Length - 1)
        {
            return false;
        }

        foreach (var c in tag)
        {
            if (c < 0x20 || c >= 0x7f || c == '\\')
            {
                return false;
            }
        }

        return true;
    }
}
