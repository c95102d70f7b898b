using System;
using System.Threading;
using Polly;

namespace Rivya.Sdk.Http;

/// <summary>What the retry strategy and each attempt (its timeout, its log lines) need to know about the call they are running.</summary>
internal sealed class CallState
{
    public static readonly ResiliencePropertyKey<CallState> Key = new("Rivya.Sdk.Call");

    public CallState(RivyaRequest request, int maxRetries, TimeSpan attemptTimeout, CancellationToken callerToken)
    {
        Request = request;
        MaxRetries = maxRetries;
        AttemptTimeout = attemptTimeout;
        CallerToken = callerToken;
    }

    public RivyaRequest Request { get; }

    public int MaxRetries { get; }

    public TimeSpan AttemptTimeout { get; }

    public CancellationToken CallerToken { get; }

    /// <summary>Attempts made so far (1 for the first).</summary>
    public int Attempts { get; set; }

    public static CallState From(ResilienceContext context) => context.Properties.GetValue(Key, null!);
}
