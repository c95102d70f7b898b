using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Rivya.Sdk.Http;

/// <summary>
/// Sends every call: auth and headers, a per-attempt timeout (<see cref="AttemptDeadline"/>), retries with backoff and a capped <c>Retry-After</c>,
/// typed errors, one log line per attempt and per retry decision, and a span per call with a child per attempt.
/// </summary>
internal sealed class RivyaPipeline
{
    private readonly HttpClient _http;
    private readonly RivyaClientOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _resilience;
    private readonly DeadlineSourcePool _deadlines = new();
    private readonly string? _authorization;
    private readonly string? _apiKey;
    private readonly string _userAgent;
    private readonly string _baseAddressText;

    public RivyaPipeline(HttpClient http, RivyaClientOptions options, ILogger logger)
    {
        _http = http;
        _options = options;
        _logger = logger;
        _apiKey = options.ResolveApiKey();
        _authorization = _apiKey is null ? null : "Bearer " + _apiKey;
        _userAgent = UserAgent.Build(options.UserAgent);
        BaseAddress = BaseAddressRules.Normalize(options.BaseAddress);
        _baseAddressText = BaseAddress.GetLeftPart(UriPartial.Path);
        _resilience = BuildResilience(options);
    }

    public Uri BaseAddress { get; }

    public RivyaClientOptions Options => _options;

    public ILogger Logger => _logger;

    public bool HasApiKey => _apiKey is not null;

    /// <summary>The client's own <see cref="HttpClient"/>, for calls that stream outside the JSON pipeline (result downloads).</summary>
    public HttpClient Http => _http;

    /// <summary>The resolved key, to scrub server text and to authorize a request to the API's own origin; never log it.</summary>
    public string? ApiKey => _apiKey;

    /// <summary>The <c>User-Agent</c> every request sends.</summary>
    public string UserAgentHeader => _userAgent;

    /// <summary>The absolute address of <paramref name="relativePath"/> (no leading slash, already escaped) under <see cref="BaseAddress"/>.</summary>
    /// <remarks>
    /// A concatenation parsed once: <c>new Uri(BaseAddress, relativePath)</c> parses the relative part, then the
    /// combined one, some 280 bytes more per call.
    /// </remarks>
    public Uri Resolve(string relativePath) => new(_baseAddressText + relativePath, UriKind.Absolute);

    /// <summary>The URI of one resource, its id escaped into a single path segment.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, blank, <c>.</c> or <c>..</c>.</exception>
    public Uri ResolveResource(string prefix, string id, string paramName)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("An id is required.", paramName);
        }

        if (id is "." or "..")
        {
            // Escaping leaves dot segments alone, and the URI parser then removes them: /generations/.. is /api/v1/.
            throw new ArgumentException($"'{id}' is not an id: as a path segment it would address another resource. Nothing was sent.", paramName);
        }

        return Resolve(prefix + Uri.EscapeDataString(id));
    }

    /// <summary>Runs <paramref name="request"/> to a parsed <typeparamref name="T"/> or a typed exception.</summary>
    /// <exception cref="InvalidOperationException">The call needs a key and none was configured.</exception>
    /// <exception cref="RivyaApiException">The server answered an error (after retries where allowed).</exception>
    /// <exception cref="RivyaConnectionException">No answer came back and retries ran out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<T> SendAsync<T>(RivyaRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (request.RequiresKey && _apiKey is null)
        {
            throw MissingApiKey.Exception();
        }

        HeaderValues.CheckRequest(request);
        cancellationToken.ThrowIfCancellationRequested();
        var maxRetries = request.IsRetryable ? Math.Max(0, request.Options?.MaxRetries ?? _options.MaxRetries) : 0;
        var timeout = request.Options?.Timeout ?? request.DefaultTimeout ?? _options.Timeout;
        var call = new CallState(request, maxRetries, timeout, cancellationToken);

        using var activity = RivyaTelemetry.StartCall(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(CallState.Key, call);

            // The attempt answers Outcome<object>, the retry strategy's own type (non-generic strategies are
            // ResilienceStrategy<object>): any other type makes Polly wrap each attempt in two converting async
            // state machines, some 350 bytes per call.
            var outcome = await _resilience.ExecuteOutcomeAsync(
                static (_, state) => state.Pipeline.AttemptAsync(state.Call, state.TypeInfo),
                context,
                (Pipeline: this, Call: call, TypeInfo: typeInfo)).ConfigureAwait(false);

            if (outcome.Exception is { } exception)
            {
                RivyaTelemetry.RecordFailure(activity, exception.GetType().Name);
                RivyaMetrics.RecordRequest(request.Operation, exception.GetType().Name);
                throw Translate(exception, call);
            }

            var result = (AttemptResult<T>)outcome.Result!;
            RivyaTelemetry.RecordResponse(activity, (int)result.StatusCode, result.Error?.ErrorCode);
            RivyaMetrics.RecordRequest(request.Operation, result.IsSuccess ? "success" : result.Error?.ErrorCode ?? "http_" + ((int)result.StatusCode).ToString(CultureInfo.InvariantCulture));
            return result.IsSuccess ? result.Value! : throw RivyaApiExceptionFactory.Create(result.Error!, request.IdempotencyKey, _apiKey);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<Outcome<object>> AttemptAsync<T>(CallState call, JsonTypeInfo<T> typeInfo)
    {
        var request = call.Request;
        var attempt = ++call.Attempts;
        using var activity = RivyaTelemetry.StartAttempt(request, attempt);
        var started = _options.TimeProvider.GetTimestamp();
        using var deadline = AttemptDeadline.Start(call.AttemptTimeout, _options.TimeProvider, _deadlines, call.CallerToken);
        var cancellationToken = deadline.Token;
        try
        {
            using var message = CreateMessage(request);
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            LoggedHeaders.Log(_logger, request.Method, request.Uri.AbsolutePath, response, _apiKey);
            RedirectRule.ThrowIfFollowed(request, response, _apiKey);

            AttemptResult<T> result;
            if (response.IsSuccessStatusCode)
            {
                result = await ReadSuccessAsync(response, typeInfo, _options.MaxResponseBodySize, request.IdempotencyKey, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var error = await ErrorResponseReader.ReadAsync(response, _options.TimeProvider, _apiKey, cancellationToken).ConfigureAwait(false);
                result = AttemptResult<T>.Failure(error);
            }

            RivyaTelemetry.RecordResponse(activity, (int)response.StatusCode, result.Error?.ErrorCode);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                RivyaLog.AttemptCompleted(_logger, request.Method.Method, request.Uri.AbsolutePath, (int)response.StatusCode, ElapsedMs(started), attempt, result.Error?.RequestId ?? HeaderRequestId(response) ?? "none");
            }

            return Outcome.FromResult<object>(result);
        }
        catch (Exception thrown) when (thrown is not OutOfMemoryException)
        {
            var exception = thrown is OperationCanceledException && deadline.TimedOut
                ? new TimeoutRejectedException($"The attempt did not complete within its timeout of {call.AttemptTimeout}.", call.AttemptTimeout, thrown)
                : ExceptionScrubber.Scrub(thrown, _apiKey);
            RivyaTelemetry.RecordFailure(activity, exception.GetType().Name);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                RivyaLog.AttemptFailed(_logger, request.Method.Method, request.Uri.AbsolutePath, ElapsedMs(started), attempt, Describe(exception, call));
            }

            return Outcome.FromException<object>(exception);
        }
    }

    // A ValueTask: a small body usually arrives with the headers, so this completes synchronously, and a Task would
    // be one more allocation per call.
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
            // Retried when repeating is safe (ShouldRetry): a half body from a proxy reads whole next time.
            return UnreadableSuccess.Failure<T>(response, exception.Message);
        }
    }

    private HttpRequestMessage CreateMessage(RivyaRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Uri);
#if NET8_0_OR_GREATER
        // HTTP/2 when the server offers it over TLS; HTTP/1.1 otherwise (plain http never tries h2c).
        message.Version = System.Net.HttpVersion.Version20;
        message.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
#endif
        var headers = message.Headers;
        if (request.RequiresKey)
        {
            headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        headers.TryAddWithoutValidation("User-Agent", _userAgent);
        headers.TryAddWithoutValidation("Accept", "application/json");
        if (request.IdempotencyKey is not null)
        {
            headers.TryAddWithoutValidation("Idempotency-Key", request.IdempotencyKey);
        }

        if (request.Options?.Headers is { } extra)
        {
            foreach (var header in extra)
            {
                if (string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException("RequestOptions.Headers cannot set Authorization: the key comes from RivyaClientOptions.ApiKey.", nameof(request));
                }

                headers.Remove(header.Key);
                headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        message.Content = request.JsonBody is { } json ? JsonBody.Create(json) : request.ContentFactory?.Invoke();
        return message;
    }

    private ResiliencePipeline BuildResilience(RivyaClientOptions options)
    {
        var jitter = options.JitterSource ?? SharedRandom.NextDouble;
        return new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue, // the real limit is per call: CallState.MaxRetries
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome, args.AttemptNumber)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(NextDelay(args.Outcome, args.AttemptNumber, jitter)),
                OnRetry = args =>
                {
                    RivyaMetrics.RecordRetry(CallState.From(args.Context).Request.Operation);
                    if (!_logger.IsEnabled(LogLevel.Information))
                    {
                        return default;
                    }

                    var call = CallState.From(args.Context);
                    RivyaLog.Retrying(_logger, call.Request.Method.Method, call.Request.Uri.AbsolutePath, args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, call.MaxRetries, Reason(args.Outcome, call));
                    return default;
                },
            })
            .Build();
    }

    private bool ShouldRetry(ResilienceContext context, Outcome<object> outcome, int retriesSoFar)
    {
        var call = CallState.From(context);
        if (retriesSoFar >= call.MaxRetries || call.CallerToken.IsCancellationRequested)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return RetryPolicy.IsTransient(exception, call.CallerToken);
        }

        if (outcome.Result is not IAttemptResult { IsSuccess: false } failure || !(RetryPolicy.IsRetryableStatus(failure.StatusCode) || failure.IsUnreadableSuccess))
        {
            return false;
        }

        if (failure.RetryAfter is { } retryAfter && retryAfter > _options.MaxRetryAfter)
        {
            // Sleeping for an hour inside a request is never what the caller wants: fail now, with RetryAfter set.
            RivyaLog.RetryAfterTooLong(_logger, call.Request.Method.Method, call.Request.Uri.AbsolutePath, retryAfter.TotalMilliseconds, _options.MaxRetryAfter.TotalMilliseconds);
            return false;
        }

        return true;
    }

    private static TimeSpan NextDelay(Outcome<object> outcome, int retryIndex, Func<double> jitter) =>
        outcome.Result is IAttemptResult { RetryAfter: { } retryAfter } && retryAfter > TimeSpan.Zero
            ? retryAfter
            : RetryPolicy.Backoff(retryIndex, jitter());

    private static RivyaConnectionException Translate(Exception exception, CallState call)
    {
        var request = call.Request;
        if (exception is OperationCanceledException && call.CallerToken.IsCancellationRequested)
        {
            // Carry the caller's own token (not Polly's linked one), so `when (ex.CancellationToken == ct)` filters work,
            // and the create's key: the server may have made the task before the caller gave up.
            throw new RivyaOperationCanceledException(taskId: null, request.IdempotencyKey, call.CallerToken, exception);
        }

        if (!RetryPolicy.IsTransient(exception, call.CallerToken))
        {
            ExceptionDispatchInfo.Capture(exception).Throw();
        }

        var attempts = call.Attempts == 1 ? "1 attempt" : call.Attempts.ToString(CultureInfo.InvariantCulture) + " attempts";
        var message = $"Rivya {request.Method.Method} {request.Uri.AbsolutePath} got no answer after {attempts}: {Describe(exception, call)}.";
        if (request.IdempotencyKey is not null)
        {
            message += $" The server may have done the work: repeat the call with Idempotency-Key '{request.IdempotencyKey}' to reach it without a second charge.";
        }

        return new RivyaConnectionException(message, request.IdempotencyKey, exception);
    }

    private static string Reason(Outcome<object> outcome, CallState call) =>
        outcome.Exception is { } exception
            ? Describe(exception, call)
            : outcome.Result is IAttemptResult result
                ? "the server answered " + ((int)result.StatusCode).ToString(CultureInfo.InvariantCulture)
                : "of an unknown outcome";

    private static string Describe(Exception exception, CallState call) => exception switch
    {
        TimeoutRejectedException => FormattableString.Invariant($"the attempt timed out after {call.AttemptTimeout.TotalSeconds:0.###} s"),
        OperationCanceledException when !call.CallerToken.IsCancellationRequested => "the HTTP client timed out (check HttpClient.Timeout)",
        OperationCanceledException => "the call was cancelled",
        // The message was scrubbed of the key (ExceptionScrubber); control characters are escaped here, for log lines.
        _ => exception.GetType().Name + ": " + SecretScrubber.EscapeControls(exception.Message),
    };

    /// <summary>A request id from <c>X-Request-Id</c>, scrubbed like every echoed value; null when absent.</summary>
    private string? HeaderRequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var values)
            ? SecretScrubber.Clean(string.Join(",", values), _apiKey)
            : null;

    private double ElapsedMs(long started) => _options.TimeProvider.GetElapsedTime(started).TotalMilliseconds;
}
