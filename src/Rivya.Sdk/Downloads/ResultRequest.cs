using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// The GET of one hop of an attempt: its headers (the key only to a path the SDK itself calls on the API's own origin,
/// <c>Range</c> and <c>If-Range</c> to resume), which redirect may be followed (<see cref="TargetPolicy"/>), and
/// whether the answer continues the bytes written so far.
/// </summary>
internal static class ResultRequest
{
    private const int MaxRedirects = 5;

    public static HttpRequestMessage Create(RivyaPipeline pipeline, Uri url, DownloadRun run)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
#if NET8_0_OR_GREATER
        // Read by the SDK handler's ConnectCallback: this connection is judged on the address it reaches.
        request.Options.Set(ConnectGate.PolicyKey, run.Targets);
#endif
        var headers = request.Headers;
        headers.TryAddWithoutValidation("User-Agent", pipeline.UserAgentHeader);

        // The key goes only where the SDK itself would send it: result URLs normally live on a CDN, which must never see
        // it, and a redirect to the API's origin must not make an authenticated GET of a path a CDN chose.
        if (pipeline.ApiKey is { } key && IsApiPath(url, pipeline.BaseAddress))
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        // Resumed by range only when the first answer gave its length and a validator to condition on: without a length
        // the body may have been decompressed by a caller's HttpClient (a range would count in stored bytes, the sink
        // in decoded ones); without a validator nothing could prove a 206 is the same file. The file is then asked
        // for whole, and what is already written is passed over only when the ETag shows it unchanged (Accept).
        var written = run.Sink.Written;
        run.AskedFrom = null;
        if (written > 0 && !run.RangeIgnored && run.Total is not null && run.Validator?.Condition() is { } condition)
        {
            headers.Range = new RangeHeaderValue(written, null);
            headers.IfRange = condition;
            run.AskedFrom = written;
        }

        return request;
    }

    /// <summary>
    /// Where a redirect answer points, checked: redirects are followed here, not by the handler, so each hop decides
    /// afresh whether it may go there and carry the key. Null when <paramref name="response"/> is not a redirect to follow.
    /// </summary>
    /// <exception cref="RivyaDownloadException">More than 5 hops, or a hop <see cref="TargetPolicy"/> refuses; the response is disposed.</exception>
    public static Uri? NextHop(HttpResponseMessage response, Uri current, int hop, DownloadRun run)
    {
        var status = (int)response.StatusCode;
        if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
        {
            return null;
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        try
        {
            if (hop + 1 > MaxRedirects)
            {
                throw new RivyaDownloadException($"Task {run.TaskId}'s result URL redirected more than {MaxRedirects} times.", run.TaskId, (HttpStatusCode)status);
            }

            run.Targets.Check(next, current);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return next;
    }

    /// <summary>
    /// Checks a 200 or 206 against what was downloaded so far, so the file is always one version's bytes, never a splice.
    /// Answers how many bytes of the body to pass over (the server ignored <c>Range</c> but provably sent the same file),
    /// 0 to write it all, or -1 when a partial answer does not fit (the written bytes are then forgotten).
    /// </summary>
    /// <exception cref="RivyaDownloadException">The announced size passes <see cref="DownloadOptions.MaxBytes"/>, or a restart is needed on a stream that cannot seek back.</exception>
    public static long Accept(HttpResponseMessage response, DownloadRun run)
    {
        var written = run.Sink.Written;
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            // A 206 continues the written bytes only when it is the range asked for, of the same size, from the same
            // version: the first answer's strong ETag (else Last-Modified) again. On its Content-Range alone it could be
            // the second half of another video.
            var range = response.Content?.Headers.ContentRange;
            var known = run.Validator;
            if (written == 0 || run.AskedFrom != written || known is null || range is not { HasRange: true, HasLength: true }
                || range.From != written || range.Length != known.Total || !known.SameAs(ResultValidator.From(response, range.Length)))
            {
                run.Restart("the server's partial answer did not continue the same version of the file where it stopped");
                return -1;
            }

            run.Total = range.Length;
            run.CheckSize();
            return 0;
        }

        var length = response.Content?.Headers.ContentLength;
        var fresh = ResultValidator.From(response, length);
        run.Total = length;
        run.CheckSize();
        if (written == 0)
        {
            run.Validator = fresh;
            return 0;
        }

        if (run.Validator is { } validator && validator.SameAs(fresh))
        {
            run.RangeIgnored = true;
            return written;
        }

        run.Restart("the result changed since the download began, or nothing proves it did not (no matching ETag or Last-Modified)");
        run.Validator = fresh;
        return 0;
    }

    /// <summary>Same scheme, host and port as the API, and a path under its base path (no encoded dot or slash to climb out).</summary>
    private static bool IsApiPath(Uri url, Uri api)
    {
        var path = url.AbsolutePath;
        return string.Equals(url.Scheme, api.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(url.IdnHost, api.IdnHost, StringComparison.OrdinalIgnoreCase)
            && url.Port == api.Port
            && path.StartsWith(api.AbsolutePath, StringComparison.Ordinal)
            && path.IndexOf("%2e", StringComparison.OrdinalIgnoreCase) < 0
            && path.IndexOf("%2f", StringComparison.OrdinalIgnoreCase) < 0
            && path.IndexOf("%5c", StringComparison.OrdinalIgnoreCase) < 0;
    }
}

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
