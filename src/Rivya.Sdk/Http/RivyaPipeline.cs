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

    /// <summary>The absolute address of <paramref name="relativePath"/> (no leading slash, already escaped) under <see cref="BaseAddress"/>.</summary>
    /// <remarks>
    /// A concatenation parsed once: <c>new Uri(BaseAddress, relativePath)</c> parses the relative part, then the
    /// combined one, some 280 bytes more per call.
    /// </remarks>
    public Uri Resolve(string relativePath) => new(_baseAddressText + relativePath, UriKind.Absolute);

    /// <summary>The URI of one resource, its id escaped into a single path segment.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    public Uri ResolveResource(string prefix, string id, string paramName)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("An id is required.", paramName);
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
                throw Translate(exception, call);
            }

            var result = (AttemptResult<T>)outcome.Result!;
            RivyaTelemetry.RecordResponse(activity, (int)result.StatusCode, result.Error?.ErrorCode);
            return result.IsSuccess ? result.Value! : throw RivyaApiExceptionFactory.Create(result.Error!, request.IdempotencyKey);
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

            AttemptResult<T> result;
            if (response.IsSuccessStatusCode)
            {
                result = await ReadSuccessAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
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
                : thrown;
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
    private static async ValueTask<AttemptResult<T>> ReadSuccessAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = await response.Content.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
            var value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            if (value is not null)
            {
                return AttemptResult<T>.Success(response.StatusCode, value);
            }

            return Unreadable(response, "the body was JSON null");
        }
        catch (JsonException exception)
        {
            // Not retried: a body that does not parse will not parse next time either, and a create may have succeeded.
            return Unreadable(response, exception.Message);
        }

        static AttemptResult<T> Unreadable(HttpResponseMessage response, string why) =>
            AttemptResult<T>.Failure(new ServerError(
                response.StatusCode, response.ReasonPhrase, null, null, null, null,
                "the success body could not be read as the expected JSON: " + why,
                response.Content?.Headers.ContentType?.MediaType));
    }

    private HttpRequestMessage CreateMessage(RivyaRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Uri);
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

        if (outcome.Result is not IAttemptResult { IsSuccess: false } failure || !RetryPolicy.IsRetryableStatus(failure.StatusCode))
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
            // Carry the caller's own token (not Polly's linked one), so `when (ex.CancellationToken == ct)` filters work.
            throw new OperationCanceledException("The call was cancelled by its CancellationToken.", exception, call.CallerToken);
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
        _ => exception.GetType().Name + ": " + exception.Message,
    };

    /// <summary>A request id from <c>X-Request-Id</c>, scrubbed like every echoed value; null when absent.</summary>
    private string? HeaderRequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var values)
            ? SecretScrubber.Scrub(string.Join(",", values), _apiKey)
            : null;

    private double ElapsedMs(long started) => _options.TimeProvider.GetElapsedTime(started).TotalMilliseconds;
}
