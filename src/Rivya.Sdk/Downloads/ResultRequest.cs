using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>
/// The GET of one hop of an attempt: its headers (the key only to the API's own origin, <c>Range</c> and
/// <c>If-Range</c> to resume) and which redirect may be followed.
/// </summary>
internal static class ResultRequest
{
    private const int MaxRedirects = 5;

    public static HttpRequestMessage Create(RivyaPipeline pipeline, Uri url, DownloadRun run)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        var headers = request.Headers;
        headers.TryAddWithoutValidation("User-Agent", pipeline.UserAgentHeader);

        // The key goes only to the API's own origin: result URLs normally live on a CDN, which must never see it.
        if (pipeline.ApiKey is { } key && ResultUrls.SameOrigin(url, pipeline.BaseAddress))
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        // Resumed by range only when the first answer gave its length: without one the body may have been decompressed
        // by a caller's HttpClient (a range would count in stored bytes, the sink in decoded ones), so the file is asked
        // for whole and what is already written is passed over when its ETag shows it unchanged (ResponseCheck.Accept).
        var written = run.Sink.Written;
        if (written > 0 && !run.RangeIgnored && run.Total is not null)
        {
            headers.Range = new RangeHeaderValue(written, null);
            if (run.Validator?.Condition() is { } condition)
            {
                headers.IfRange = condition;
            }
        }

        return request;
    }

    /// <summary>
    /// Where a redirect answer points, checked: redirects are followed here, not by the handler, so each hop decides
    /// afresh whether it may carry the key. Null when <paramref name="response"/> is not a redirect to follow.
    /// </summary>
    /// <exception cref="RivyaDownloadException">More than 5 hops, or a hop to an address that is not https (or loopback http); the response is disposed.</exception>
    public static Uri? NextHop(HttpResponseMessage response, Uri current, int hop, string taskId)
    {
        var status = (int)response.StatusCode;
        if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
        {
            return null;
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (hop + 1 > MaxRedirects || !ResultUrls.IsAllowed(next))
        {
            response.Dispose();
            throw new RivyaDownloadException(
                hop + 1 > MaxRedirects
                    ? $"Task {taskId}'s result URL redirected more than {MaxRedirects} times."
                    : $"Task {taskId}'s result URL redirected to an address that is not https (or loopback http); it was not followed.",
                taskId,
                (HttpStatusCode)status);
        }

        return next;
    }
}
