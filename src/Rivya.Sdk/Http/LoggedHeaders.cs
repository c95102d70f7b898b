using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Rivya.Sdk.Http;

/// <summary>
/// The allow-list of response headers that may be logged (at Trace). Anything not named here, including
/// <c>Authorization</c> and cookies, is never logged, whatever a proxy or a future server adds.
/// </summary>
internal static class LoggedHeaders
{
    private static readonly string[] AllowList =
    [
        "Retry-After", "X-Request-Id", "Content-Type", "Content-Length", "Date",
        "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
    ];

    public static void Log(ILogger logger, HttpMethod method, string path, HttpResponseMessage response)
    {
        if (!logger.IsEnabled(LogLevel.Trace))
        {
            return;
        }

        foreach (var name in AllowList)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
            {
                RivyaLog.ResponseHeader(logger, method.Method, path, name, string.Join(", ", values));
            }
        }
    }

    public static bool IsAllowed(string name)
    {
        foreach (var allowed in AllowList)
        {
            if (string.Equals(allowed, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal static IReadOnlyList<string> Names => AllowList;
}
