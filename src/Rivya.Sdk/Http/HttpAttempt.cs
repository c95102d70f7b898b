using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Http;

/// <summary>
/// Step 2 of a call: one attempt. Sends the message under the per-attempt timeout, reads the answer within the body
/// cap, and reports what happened (a result or an exception) without judging it: <see cref="RetryDecision"/> does.
/// </summary>
internal sealed class HttpAttempt
{
    private readonly HttpClient _http;
    private readonly RivyaClientOptions _options;
    private readonly ILogger _logger;
    private readonly RequestMessageFactory _messages;
    private readonly string? _apiKey;
    private readonly DeadlineSourcePool _deadlines = new();

    public HttpAttempt(HttpClient http, RivyaClientOptions options, ILogger logger, RequestMessageFactory messages, string? apiKey)
    {
        _http = http;
        _options = options;
        _logger = logger;
        _messages = messages;
        _apiKey = apiKey;
    }

    /// <summary>Runs the next attempt of <paramref name="call"/>; never throws (but for out-of-memory): failures come back in the outcome.</summary>
    /// <summary>Waits for the call's gate (a batch's pause), then runs the attempt like <see cref="RunAsync{T}"/>.</summary>
    public async ValueTask<Outcome<AttemptResult>> RunGatedAsync<T>(CallState call, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            await call.Gate!.WaitAsync(call.CallerToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception)
        {
            return Outcome.FromException<AttemptResult>(exception);
        }

        return await RunAsync(call, typeInfo).ConfigureAwait(false);
    }

    public async ValueTask<Outcome<AttemptResult>> RunAsync<T>(CallState call, JsonTypeInfo<T> typeInfo)
    {
        var request = call.Request;
        var attempt = ++call.Attempts;
        using var activity = RivyaTelemetry.StartAttempt(request, attempt);
        var started = _options.TimeProvider.GetTimestamp();
        using var deadline = AttemptDeadline.Start(call.AttemptTimeout, _options.TimeProvider, _deadlines, call.CallerToken);
        var cancellationToken = deadline.Token;
        try
        {
            using var message = _messages.Create(request);
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            LoggedHeaders.Log(_logger, request.Method, request.Uri.AbsolutePath, response, _apiKey);
            RedirectRule.ThrowIfFollowed(request, response, _apiKey);

            var result = response.IsSuccessStatusCode
                ? await ReadSuccessAsync(response, typeInfo, _options.MaxResponseBodySize, request.IdempotencyKey, cancellationToken).ConfigureAwait(false)
                : AttemptResult<T>.Failure(await ErrorResponseReader.ReadAsync(response, _options.TimeProvider, _apiKey, cancellationToken).ConfigureAwait(false));

            RivyaTelemetry.RecordResponse(activity, (int)response.StatusCode, result.Error?.ErrorCode);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                RivyaLog.AttemptCompleted(_logger, request.Method.Method, request.Uri.AbsolutePath, (int)response.StatusCode, ElapsedMs(started), attempt, result.Error?.RequestId ?? HeaderRequestId(response) ?? "none");
            }

            return Outcome.FromResult<AttemptResult>(result);
        }
        catch (Exception thrown) when (thrown is not OutOfMemoryException)
        {
            // The deadline is ours, not Polly's, but TimeoutRejectedException is what callers and tests know a
            // per-attempt timeout by (RivyaConnectionException.InnerException).
            var exception = thrown is OperationCanceledException && deadline.TimedOut
                ? new TimeoutRejectedException($"The attempt did not complete within its timeout of {call.AttemptTimeout}.", call.AttemptTimeout, thrown)
                : ExceptionScrubber.Scrub(thrown, _apiKey);
            RivyaTelemetry.RecordFailure(activity, exception.GetType().Name);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                RivyaLog.AttemptFailed(_logger, request.Method.Method, request.Uri.AbsolutePath, ElapsedMs(started), attempt, FailureTranslator.Describe(exception, call));
            }

            return Outcome.FromException<AttemptResult>(exception);
        }
    }

    // A ValueTask: a small body usually arrives with the headers, so this completes synchronously.
    private static async ValueTask<AttemptResult<T>> ReadSuccessAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long maxBodyBytes, string? idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = ResponseBodyLimit.Wrap(await response.Content.ReadBodyAsync(cancellationToken).ConfigureAwait(false), response, maxBodyBytes, idempotencyKey);
            var value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            if (value is null)
            {
                return UnreadableSuccess.Failure<T>(response, "the body was JSON null");
            }

            return UnreadableSuccess.Defect(value) is { } defect
                ? UnreadableSuccess.Failure<T>(response, defect)
                : AttemptResult<T>.Success(response.StatusCode, value);
        }
        catch (Exception exception) when (UnreadableSuccess.IsParseFailure(exception))
        {
            // Retried when repeating is safe (RetryDecision): a half body from a proxy reads whole next time.
            return UnreadableSuccess.Failure<T>(response, exception.Message);
        }
    }

    /// <summary>A request id from <c>X-Request-Id</c>, scrubbed like every echoed value; null when absent.</summary>
    private string? HeaderRequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var values)
            ? SecretScrubber.Clean(string.Join(",", values), _apiKey)
            : null;

    private double ElapsedMs(long started) => _options.TimeProvider.GetElapsedTime(started).TotalMilliseconds;
}
