using System;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Http;

/// <summary>The header check of one call, run before anything is sent: its <c>Idempotency-Key</c> and the caller's extra headers.</summary>
internal static class RequestHeaderCheck
{
    /// <exception cref="ArgumentException">A value cannot be sent; nothing was.</exception>
    public static void Check(RivyaRequest request)
    {
        if (request.IdempotencyKey is { } key)
        {
            HeaderValues.Check("RequestOptions.IdempotencyKey", key, "options");
            if (key.Trim().Length != key.Length)
            {
                // HTTP drops a value's outer whitespace: the server would store another key than the one reported.
#pragma warning disable CA2208 // The caller's parameter is the RequestOptions it passed, not this method's request.
                throw new ArgumentException("RequestOptions.IdempotencyKey starts or ends with whitespace, which HTTP drops: the server would see a different key than the one an exception reports. Nothing was sent.", "options");
#pragma warning restore CA2208
            }
        }

        if (request.Options?.Headers is { } headers)
        {
            foreach (var header in headers)
            {
                HeaderValues.CheckExtra(header.Key, header.Value, "options");
            }
        }
    }
}
