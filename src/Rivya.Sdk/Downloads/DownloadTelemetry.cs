using System.Diagnostics;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Downloads;

/// <summary>The span of one download (<c>Rivya generations.download</c>) on the SDK's <c>Rivya.Sdk</c> source: the task, the host, bytes, resumes and restarts.</summary>
internal static class DownloadTelemetry
{
    public static Activity? Start(string? taskId, string? secret)
    {
        if (!RivyaTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = RivyaTelemetry.Source.StartActivity("Rivya generations.download", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rivya.operation", "generations.download");
            RivyaTelemetry.SetText(activity, "rivya.task_id", taskId, secret);
        }

        return activity;
    }

    public static void SetHost(Activity? activity, string host) => RivyaTelemetry.SetText(activity, "server.address", host);

    public static void Record(Activity? activity, long bytes, int resumes, int restarts, int? statusCode)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("rivya.download.bytes", bytes);
        activity.SetTag("rivya.download.resumes", resumes);
        activity.SetTag("rivya.download.restarts", restarts);
        if (statusCode is { } status)
        {
            activity.SetTag("http.response.status_code", status);
        }
    }

    public static void Fail(Activity? activity, string failure)
    {
        RivyaTelemetry.RecordFailure(activity, failure);
    }
}
