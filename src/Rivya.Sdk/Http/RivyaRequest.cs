using System;
using System.Net.Http;

namespace Rivya.Sdk.Http;

/// <summary>One logical call: what to send, and what makes it safe to send more than once.</summary>
internal sealed class RivyaRequest(string operation, HttpMethod method, Uri uri)
{
    /// <summary>A stable name for logs, spans and metrics, e.g. <c>generations.create</c>.</summary>
    public string Operation { get; } = operation;

    public HttpMethod Method { get; } = method;

    public Uri Uri { get; } = uri;

    /// <summary>Makes a fresh body for each attempt (a sent body cannot be sent again); null for no body.</summary>
    public Func<HttpContent>? ContentFactory { get; init; }

    /// <summary>
    /// A UTF-8 JSON body, sent as is on every attempt; when set it wins over <see cref="ContentFactory"/>. Cheaper
    /// than a factory capturing the bytes: no closure and delegate per call.
    /// </summary>
    public byte[]? JsonBody { get; init; }

    public bool RequiresKey { get; init; } = true;

    /// <summary>The key every attempt of this call sends; its presence is what makes a POST retryable.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>False when the body cannot be produced twice (a non-seekable upload stream): then nothing is retried.</summary>
    public bool CanResend { get; init; } = true;

    public RequestOptions? Options { get; init; }

    /// <summary>The per-attempt timeout before <see cref="RequestOptions.Timeout"/> is applied.</summary>
    public TimeSpan? DefaultTimeout { get; init; }

    /// <summary>GETs are safe to repeat; a POST only with an idempotency key and a body that can be sent again.</summary>
    public bool IsRetryable => CanResend && (Method == HttpMethod.Get || IdempotencyKey is not null);
}
