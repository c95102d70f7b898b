using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using Polly.Timeout;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Http;

/// <summary>
/// Rebuilds an exception whose text came from a server's bytes (an invalid header line quoted by
/// <see cref="HttpRequestException"/>, say) with that text cleaned by <see cref="SecretScrubber"/>, before it reaches a
/// message, a log line or an inner exception a caller may print. The rebuilt exception keeps its type where the SDK's
/// retry rules look at it (<see cref="HttpRequestException"/>, <see cref="IOException"/>); its stack trace is lost,
/// which is the price of not quoting the key.
/// </summary>
internal static class ExceptionScrubber
{
    /// <summary><paramref name="exception"/> itself when no message in its chain needs cleaning, else a cleaned copy of the chain.</summary>
    public static Exception Scrub(Exception exception, string? secret)
    {
        if (IsClean(exception, secret))
        {
            return exception;
        }

        var inner = exception.InnerException is { } innerException ? Scrub(innerException, secret) : null;
        var message = SecretScrubber.Clean(exception.Message, secret)!;
        return exception switch
        {
            TimeoutRejectedException timeout => inner is null ? new TimeoutRejectedException(message, timeout.Timeout) : new TimeoutRejectedException(message, timeout.Timeout, inner),
            OperationCanceledException canceled => new OperationCanceledException(message, inner, canceled.CancellationToken),
#if NET8_0_OR_GREATER
            HttpIOException io => new HttpIOException(io.HttpRequestError, message, inner),
            HttpRequestException http => new HttpRequestException(http.HttpRequestError, message, inner, http.StatusCode),
#else
            HttpRequestException => new HttpRequestException(message, inner),
#endif
            JsonException => new JsonException(message, inner),
            IOException => new IOException(message, inner),
            // Any other type is kept when only control characters were found (Describe escapes those), so the retry
            // rules still see it; only a message that quoted the key is replaced.
            _ when ReferenceEquals(SecretScrubber.Scrub(exception.Message, secret), exception.Message) && ReferenceEquals(inner, exception.InnerException) => exception,
            _ => new InvalidOperationException(message, inner),
        };
    }

    private static bool IsClean(Exception exception, string? secret)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (!ReferenceEquals(SecretScrubber.Clean(e.Message, secret), e.Message))
            {
                return false;
            }
        }

        return true;
    }
}
