using System;
using System.Globalization;

namespace Rivya.Sdk.Downloads;

/// <summary>Which URL of a result to fetch, and which addresses a download may go to (and with which credentials).</summary>
internal static class ResultUrls
{
    /// <summary>The URL <paramref name="options"/> pick from a succeeded <paramref name="generation"/>.</summary>
    /// <exception cref="RivyaDownloadException">The task has not succeeded, has no such URL, or the URL is not absolute.</exception>
    public static Uri Pick(Generation generation, DownloadOptions options)
    {
        var taskId = generation.Id;
        if (generation.Status != GenerationStatus.Succeeded)
        {
            throw new RivyaDownloadException(
                $"Task {taskId} has not succeeded (status '{generation.Status}'): there is no result to download yet. Wait for it with WaitForCompletionAsync. Nothing was sent.",
                taskId);
        }

        var result = generation.Result;
        string? text;
        if (options.UrlIndex is { } index)
        {
            var count = result?.Urls.Count ?? 0;
            if (index >= count)
            {
                throw new RivyaDownloadException(
                    string.Format(CultureInfo.InvariantCulture, "Task {0} has {1} result URL(s); DownloadOptions.UrlIndex {2} is out of range. Nothing was sent.", taskId, count, index),
                    taskId);
            }

            text = result!.Urls[index];
        }
        else
        {
            text = result?.PrimaryUrl ?? (result is { Urls.Count: > 0 } ? result.Urls[0] : null);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RivyaDownloadException($"Task {taskId} succeeded without a result URL. Nothing was sent.", taskId);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            // The URL itself is not shown: a signed URL's query is a credential.
            throw new RivyaDownloadException($"Task {taskId}'s result URL is not an absolute address. Nothing was sent.", taskId);
        }

        // Where it may go (https, no private address) is the download's TargetPolicy, checked before the first request.
        return url;
    }

    /// <summary>Same scheme, host and port: only then does a request get the API key.</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
