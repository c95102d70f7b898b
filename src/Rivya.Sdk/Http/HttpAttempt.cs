using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using Rivya.Sdk.Common;
using Rivya.Sdk.Errors;

namespace Rivya.Sdk.Http;

/// <summary>
/// Step 2 of a call: one attempt. Sends the message under the per-attempt timeout, reads the answer within the body
/// cap, and reports what happened (a result or an exception) without judging it: <see cref="RetryDecision"/> does.
/// </summary>
/// <remarks>
/// A 2xx whose body is not the expected JSON (cut in half by a proxy, HTML, a task without an id) is a transient fault
/// when asking again is safe. A GET is retried like a 5xx; a POST carrying an <c>Idempotency-Key</c> is retried with the
/// same key, which is what the key is for. When the retries run out it surfaces as a <see cref="RivyaApiException"/>
/// with the status and the key.
/// </remarks>
internal sealed class HttpAttempt(
    HttpClient http, RivyaClientOptions options, ILogger logger, RequestMessageFactory messages, string? apiKey)
{
    private readonly DeadlineSourcePool _deadlines = new();

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

    /// <summary>Runs the next attempt of <paramref name="call"/>; never throws (but for out-of-memory): failures come back in the outcome.</summary>
    /// <remarks>Apart from <see cref="RunGatedAsync{T}"/>: a call outside a batch carries no gate awaiter.</remarks>
    public async ValueTask<Outcome<AttemptResult>> RunAsync<T>(CallState call, JsonTypeInfo<T> typeInfo)
    {
        var request = call.Request;
        var attempt = ++call.Attempts;
        using var activity = RivyaTelemetry.StartAttempt(request, attempt);
        var started = options.TimeProvider.GetTimestamp();
        using var deadline = AttemptDeadline.Start(call.AttemptTimeout, options.TimeProvider, _deadlines, call.CallerToken);
        var cancellationToken = deadline.Token;
        try
        {
            using var message = messages.Create(request);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            LoggedHeaders.Log(logger, request.Method, request.Uri.AbsolutePath, response, apiKey);
            RedirectRule.ThrowIfFollowed(request, response, apiKey);

            var result = response.IsSuccessStatusCode
                ? await ReadSuccessAsync(response, typeInfo, options.MaxResponseBodySize, request.IdempotencyKey, cancellationToken).ConfigureAwait(false)
                : AttemptResult<T>.Failure(await ErrorResponseReader.ReadAsync(response, options.TimeProvider, apiKey, cancellationToken).ConfigureAwait(false));

            RivyaTelemetry.RecordResponse(activity, (int)response.StatusCode, result.Error?.ErrorCode);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                RivyaLog.AttemptCompleted(logger, request.Method.Method, request.Uri.AbsolutePath, (int)response.StatusCode, ElapsedMs(started), attempt, result.Error?.RequestId ?? HeaderRequestId(response) ?? "none");
            }

            return Outcome.FromResult<AttemptResult>(result);
        }
        catch (Exception thrown) when (thrown is not OutOfMemoryException)
        {
            // The deadline is ours, not Polly's, but TimeoutRejectedException is what callers and tests know a
            // per-attempt timeout by (RivyaConnectionException.InnerException).
            var exception = thrown is OperationCanceledException && deadline.TimedOut
                ? new TimeoutRejectedException($"The attempt did not complete within its timeout of {call.AttemptTimeout}.", call.AttemptTimeout, thrown)
                : ExceptionScrubber.Scrub(thrown, apiKey);
            RivyaTelemetry.RecordFailure(activity, exception.GetType().Name);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                RivyaLog.AttemptFailed(logger, request.Method.Method, request.Uri.AbsolutePath, ElapsedMs(started), attempt, FailureTranslator.Describe(exception, call));
            }

            return Outcome.FromException<AttemptResult>(exception);
        }
    }

    // A ValueTask: a small body usually arrives with the headers, so this completes synchronously.
    private static async ValueTask<AttemptResult<T>> ReadSuccessAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long maxBodyBytes, string? idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = CappedStream.Wrap(await response.Content.ReadBodyAsync(cancellationToken).ConfigureAwait(false), response, maxBodyBytes, idempotencyKey);
            var value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            return Defect(value) is { } defect
                ? Unreadable<T>(response, defect)
                : AttemptResult<T>.Success(response.StatusCode, value!);
        }
        catch (Exception exception) when (IsParseFailure(exception))
        {
            // Retried when repeating is safe (RetryDecision): a half body from a proxy reads whole next time.
            return Unreadable<T>(response, exception.Message);
        }
    }

    /// <summary>
    /// The exceptions that reading a hostile body can raise: malformed JSON (<see cref="JsonException"/>), and what a
    /// converter or the reader may throw for a value it cannot represent (invalid UTF-8, overflow). A broken connection
    /// (<see cref="IOException"/>) and cancellation are not among them: those are the network's, handled as such.
    /// </summary>
    private static bool IsParseFailure(Exception exception) =>
        exception is JsonException or FormatException or OverflowException or ArgumentException or NotSupportedException or DecoderFallbackException
        || (exception is InvalidOperationException && exception is not ObjectDisposedException);

    /// <summary>Why a parsed value cannot be used although the JSON was fine; null when it can.</summary>
    private static string? Defect(object? value) => value switch
    {
        null => "the body was JSON null",
        // Strict where the object is meaningless without it: a task without an id cannot be polled or resumed.
        Generation { Id: var id } when string.IsNullOrWhiteSpace(id) => "the task has no id",
        _ => null,
    };

    private static AttemptResult<T> Unreadable<T>(HttpResponseMessage response, string why) =>
        AttemptResult<T>.Failure(new ServerError(
            response.StatusCode, response.ReasonPhrase, null, null, null, null,
            "the success body could not be read as the expected JSON: " + why,
            response.Content?.Headers.ContentType?.MediaType)
        {
            IsUnreadableSuccess = true,
        });

    /// <summary>A request id from <c>X-Request-Id</c>, scrubbed like every echoed value; null when absent.</summary>
    private string? HeaderRequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var values)
            ? SecretScrubber.Clean(string.Join(",", values), apiKey)
            : null;

    private double ElapsedMs(long started) => options.TimeProvider.GetElapsedTime(started).TotalMilliseconds;
}
