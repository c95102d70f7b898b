using System.Diagnostics;
using System.Net.Http;
using System.Reflection;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Http;

/// <summary>
/// The <see cref="ActivitySource"/> named <c>Rivya.Sdk</c>: a span per call with a child per attempt. Tags carry the
/// method, path, status, error code and attempt number; never a header or the key.
/// </summary>
internal static class RivyaTelemetry
{
    public const string SourceName = "Rivya.Sdk";

    public static readonly ActivitySource Source = new(SourceName, typeof(RivyaTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    public static Activity? StartCall(RivyaRequest request)
    {
        // Nobody listening (the usual case): skip building the span name.
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity("Rivya " + request.Operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rivya.operation", request.Operation);
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.path", request.Uri.AbsolutePath);
            activity.SetTag("server.address", request.Uri.Host);
            if (request.IdempotencyKey is not null)
            {
                activity.SetTag("rivya.idempotency_key", request.IdempotencyKey);
            }
        }

        return activity;
    }

    public static Activity? StartAttempt(RivyaRequest request, int attempt)
    {
        var activity = Source.StartActivity(request.Method.Method, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.path", request.Uri.AbsolutePath);
            activity.SetTag("rivya.attempt", attempt);
        }

        return activity;
    }

    public static void RecordResponse(Activity? activity, int statusCode, string? errorCode)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("http.response.status_code", statusCode);
        if (errorCode is not null)
        {
            SetText(activity, "rivya.error_code", errorCode);
        }

        if (statusCode >= 400)
        {
            activity.SetStatus(ActivityStatusCode.Error, SecretScrubber.EscapeControls(errorCode));
        }
    }

    public static void RecordFailure(Activity? activity, string failure)
    {
        SetText(activity, "error.type", failure);
        activity?.SetStatus(ActivityStatusCode.Error, SecretScrubber.EscapeControls(failure));
    }

    /// <summary>
    /// The one way a text tag that may hold server or caller text is set: cleaned here, at the sink (the key masked in
    /// any encoding, control characters escaped), so no caller has to remember it.
    /// </summary>
    public static void SetText(Activity? activity, string name, string? value, string? secret = null) =>
        activity?.SetTag(name, SecretScrubber.Clean(value, secret));
}
