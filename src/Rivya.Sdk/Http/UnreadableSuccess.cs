using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Rivya.Sdk.Errors;

namespace Rivya.Sdk.Http;

/// <summary>
/// A 2xx whose body is not the expected JSON (cut in half by a proxy, HTML, a task without an id): a transient fault
/// when asking again is safe. A GET is retried like a 5xx; a POST carrying an <c>Idempotency-Key</c> is retried with the
/// same key, which is what the key is for. When the retries run out it surfaces as a <see cref="RivyaApiException"/>
/// with the status and the key.
/// </summary>
internal static class UnreadableSuccess
{
    /// <summary>
    /// The exceptions that reading a hostile body can raise: malformed JSON (<see cref="JsonException"/>), and what a
    /// converter or the reader may throw for a value it cannot represent (invalid UTF-8, overflow). A broken connection
    /// (<see cref="IOException"/>) and cancellation are not among them: those are the network's, handled as such.
    /// </summary>
    public static bool IsParseFailure(Exception exception) =>
        exception is JsonException or FormatException or OverflowException or ArgumentException or NotSupportedException or DecoderFallbackException
        || (exception is InvalidOperationException && exception is not ObjectDisposedException);

    /// <summary>Why a parsed value cannot be used although the JSON was fine; null when it can.</summary>
    public static string? Defect(object value) => value switch
    {
        // Strict where the object is meaningless without it: a task without an id cannot be polled or resumed.
        Generation { Id: var id } when string.IsNullOrWhiteSpace(id) => "the task has no id",
        _ => null,
    };

    public static AttemptResult<T> Failure<T>(HttpResponseMessage response, string why) =>
        AttemptResult<T>.Failure(new ServerError(
            response.StatusCode, response.ReasonPhrase, null, null, null, null,
            "the success body could not be read as the expected JSON: " + why,
            response.Content?.Headers.ContentType?.MediaType)
        {
            IsUnreadableSuccess = true,
        });
}
