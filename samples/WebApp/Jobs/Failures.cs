using Rivya.Samples.WebApp.Videos;
using Rivya.Sdk;

namespace Rivya.Samples.WebApp.Jobs;

/// <summary>Which failures end a video at once, and how any failure is shown as <c>error {code, message}</c>.</summary>
internal static class Failures
{
    /// <summary>
    /// True when trying again cannot help: the request broke a rule (here or at Rivya), the key is refused, the credits
    /// are short, the idempotency key was reused with another body. The SDK has already retried everything transient
    /// (connection failures, timeouts, 408, 429, 5xx) before this; what is left for Hangfire to retry is an outage.
    /// </summary>
    public static bool IsPermanent(RivyaException exception) => exception switch
    {
        RivyaValidationException => true,
        RivyaApiException api => (int)api.StatusCode is >= 400 and < 500 and not 408 and not 429,
        _ => false,
    };

    /// <summary>
    /// The error a video shows. Every message comes from the SDK, which has scrubbed it of the key and escaped control
    /// characters; other exceptions are this process's own (a full disk, say).
    /// </summary>
    public static VideoError ToError(Exception exception) => exception switch
    {
        RivyaApiException api => new(api.ErrorCode ?? "http_" + (int)api.StatusCode, api.Message),
        RivyaValidationException validation => new("validation_failed", validation.Message),
        RivyaConnectionException connection => new("connection_failed", connection.Message),
        RivyaDownloadException download => new("download_failed", download.Message),
        RivyaException rivya => new("rivya_error", rivya.Message),
        _ => new("worker_error", exception.GetType().Name + ": " + exception.Message),
    };

    /// <summary>A failed generation's own error, as Rivya reported it.</summary>
    public static VideoError ToError(Generation failed) =>
        new(failed.Error?.Code ?? "generation_failed", failed.Error?.Message ?? $"Rivya reported task {failed.Id} failed without a reason.");
}
