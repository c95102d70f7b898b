using System.Net.Http;
using Microsoft.Extensions.Logging;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Http;

/// <summary>
/// The allow-list of response headers that may be logged (at Trace). Anything not named here, including
/// <c>Authorization</c> and cookies, is never logged, whatever a proxy or a future server adds. Values are scrubbed of
/// the key too: a proxy that echoes the request can put it in any header.
/// </summary>
internal static class LoggedHeaders
{
    private static readonly string[] AllowList =
    [
        "Retry-After", "X-Request-Id", "Content-Type", "Content-Length", "Date",
        "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
    ];

    public static void Log(ILogger logger, HttpMethod method, string path, HttpResponseMessage response, string? secret)
    {
        if (!logger.IsEnabled(LogLevel.Trace))
        {
            return;
        }

        foreach (var name in AllowList)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
            {
                RivyaLog.ResponseHeader(logger, method.Method, path, name, SecretScrubber.Clean(string.Join(", ", values), secret)!);
            }
        }
    }
}
