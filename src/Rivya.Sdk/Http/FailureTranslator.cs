using System;
using System.Globalization;
using Polly;
using Polly.Timeout;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Http;

/// <summary>Step 4 of a call: turns a failed call's last outcome into the exception the caller sees, and describes failures for logs.</summary>
internal static class FailureTranslator
{
    /// <summary>
    /// The exception for a call whose last attempt threw <paramref name="exception"/>: the caller's cancellation as
    /// <see cref="RivyaOperationCanceledException"/>, a transient fault as <see cref="RivyaConnectionException"/>,
    /// anything else as it is (returned unchanged, to be rethrown with its stack trace).
    /// </summary>
    public static Exception Translate(Exception exception, CallState call)
    {
        var request = call.Request;
        if (exception is OperationCanceledException && call.CallerToken.IsCancellationRequested)
        {
            // Carry the caller's own token (not Polly's linked one), so `when (ex.CancellationToken == ct)` filters work,
            // and the create's key: the server may have made the task before the caller gave up.
            return new RivyaOperationCanceledException(taskId: null, request.IdempotencyKey, call.CallerToken, exception);
        }

        if (!RetryDecision.IsTransient(exception, call.CallerToken))
        {
            return exception;
        }

        var attempts = call.Attempts == 1 ? "1 attempt" : call.Attempts.ToString(CultureInfo.InvariantCulture) + " attempts";
        var message = $"Rivya {request.Method.Method} {request.Uri.AbsolutePath} got no answer after {attempts}: {Describe(exception, call)}.";
        if (request.IdempotencyKey is not null)
        {
            message += $" The server may have done the work: repeat the call with Idempotency-Key '{request.IdempotencyKey}' to reach it without a second charge.";
        }

        return new RivyaConnectionException(message, request.IdempotencyKey, exception);
    }

    /// <summary>Why an attempt failed, for the retry log line.</summary>
    public static string Reason(Outcome<AttemptResult> outcome, CallState call) =>
        outcome.Exception is { } exception
            ? Describe(exception, call)
            : "the server answered " + ((int)outcome.Result!.StatusCode).ToString(CultureInfo.InvariantCulture);

    /// <summary>One failure in words, safe for a log line or an exception message.</summary>
    public static string Describe(Exception exception, CallState call) => exception switch
    {
        TimeoutRejectedException => FormattableString.Invariant($"the attempt timed out after {call.AttemptTimeout.TotalSeconds:0.###} s"),
        OperationCanceledException when !call.CallerToken.IsCancellationRequested => "the HTTP client timed out (check HttpClient.Timeout)",
        OperationCanceledException => "the call was cancelled",
        // The message was scrubbed of the key (ExceptionScrubber); control characters are escaped here, for log lines.
        _ => exception.GetType().Name + ": " + SecretScrubber.EscapeControls(exception.Message),
    };
}
