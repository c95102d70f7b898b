using System;
using System.Globalization;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Rivya.Sdk.Common;
using Rivya.Sdk.Configuration;

namespace Rivya.Sdk.Http;

/// <summary>
/// Sends every call: <see cref="RequestMessageFactory"/> builds the message, <see cref="HttpAttempt"/> makes one
/// attempt, <see cref="RetryDecision"/> judges it and <see cref="RetryStrategy"/> (Polly) retries it,
/// <see cref="FailureTranslator"/> turns a failure into the typed exception. A span per call, metrics per call.
/// </summary>
internal sealed class RivyaPipeline
{
    private readonly RetryStrategy _retries;
    private readonly HttpAttempt _attempt;
    private readonly string _baseAddressText;

    public RivyaPipeline(HttpClient http, RivyaClientOptions options, ILogger logger)
    {
        Http = http;
        Options = options;
        Logger = logger;
        ApiKey = options.ResolveApiKey();
        UserAgentHeader = UserAgent.Build(options.UserAgent);
        BaseAddress = BaseAddressRules.Normalize(options.BaseAddress);
        _baseAddressText = BaseAddress.GetLeftPart(UriPartial.Path);
        _attempt = new HttpAttempt(http, options, logger, new RequestMessageFactory(ApiKey, UserAgentHeader), ApiKey);
        Metrics = RivyaMetrics.For(options.MeterFactory);
        _retries = new RetryStrategy(options, logger, Metrics);
    }

    public Uri BaseAddress { get; }

    public RivyaClientOptions Options { get; }

    /// <summary>The client's instruments: on a meter from the host's <c>IMeterFactory</c> when resolved from DI, else the static one.</summary>
    public RivyaMetrics Metrics { get; }

    public ILogger Logger { get; }

    public bool HasApiKey => ApiKey is not null;

    /// <summary>The client's own <see cref="HttpClient"/>, for calls that stream outside the JSON pipeline (result downloads).</summary>
    public HttpClient Http { get; }

    /// <summary>The resolved key, to scrub server text and to authorize a request to the API's own origin; never log it.</summary>
    public string? ApiKey { get; }

    public string UserAgentHeader { get; }

    /// <summary>The absolute address of <paramref name="relativePath"/> (no leading slash, already escaped) under <see cref="BaseAddress"/>.</summary>
    /// <remarks>A concatenation parsed once; <c>new Uri(BaseAddress, relativePath)</c> would parse twice.</remarks>
    public Uri Resolve(string relativePath) => new(_baseAddressText + relativePath, UriKind.Absolute);

    /// <summary>The URI of one resource, its id escaped into a single path segment.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, blank, <c>.</c> or <c>..</c>.</exception>
    public Uri ResolveResource(string prefix, string id, string paramName)
    {
        CheckId(id, paramName);
        return Resolve(prefix + Uri.EscapeDataString(id));
    }

    /// <summary>The one check of a resource id, also run at the call by a wait or a download by id.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, blank, <c>.</c> or <c>..</c>.</exception>
    public static void CheckId(string id, string paramName)
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
    }

    /// <summary>Runs <paramref name="request"/> to a parsed <typeparamref name="T"/> or a typed exception.</summary>
    /// <exception cref="InvalidOperationException">The call needs a key and none was configured.</exception>
    /// <exception cref="RivyaApiException">The server answered an error (after retries where allowed).</exception>
    /// <exception cref="RivyaConnectionException">No answer came back and retries ran out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<T> SendAsync<T>(RivyaRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (request.RequiresKey && ApiKey is null)
        {
            throw MissingApiKey.Exception();
        }

        RequestMessageFactory.CheckHeaders(request);
        cancellationToken.ThrowIfCancellationRequested();
        var maxRetries = request.IsRetryable ? Math.Max(0, request.Options?.MaxRetries ?? Options.MaxRetries) : 0;
        var timeout = request.Options?.Timeout ?? request.DefaultTimeout ?? Options.Timeout;
        var call = new CallState(request, maxRetries, timeout, AttemptGates.Active, cancellationToken);

        using var activity = RivyaTelemetry.StartCall(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(CallState.Key, call);

            // The first attempt runs here, and the retry pipeline is asked for only if it fails: see FirstAttempt for why.
            var state = (Attempt: _attempt, Call: call, TypeInfo: typeInfo);
            var outcome = await Attempt(state).ConfigureAwait(false);
            if (!FirstAttempt.EndsCall(outcome, context))
            {
                outcome = await FirstAttempt.RetryAsync(_retries.For(call.MaxRetries + call.MaxPauses), outcome, Attempt, context, state).ConfigureAwait(false);
            }

            if (outcome.Exception is { } exception)
            {
                RivyaTelemetry.RecordFailure(activity, exception.GetType().Name);
                Metrics.RecordRequest(request.Operation, MetricTags.Failure(exception));
                var translated = FailureTranslator.Translate(exception, call);
                if (ReferenceEquals(translated, exception))
                {
                    ExceptionDispatchInfo.Capture(exception).Throw();
                }

                throw translated;
            }

            var result = (AttemptResult<T>)outcome.Result!;
            RivyaTelemetry.RecordResponse(activity, (int)result.StatusCode, result.Error?.ErrorCode);
            Metrics.RecordRequest(request.Operation, MetricTags.Outcome(result.IsSuccess, result.Error?.ErrorCode, (int)result.StatusCode));
            return result.IsSuccess ? SecretMasking.Apply(result.Value!, ApiKey) : throw RivyaApiExceptionFactory.Create(result.Error!, request.IdempotencyKey, ApiKey);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ValueTask<Outcome<AttemptResult>> Attempt<T>((HttpAttempt Attempt, CallState Call, JsonTypeInfo<T> TypeInfo) state) =>
        state.Call.Gate is null ? state.Attempt.RunAsync(state.Call, state.TypeInfo) : state.Attempt.RunGatedAsync(state.Call, state.TypeInfo);
}
