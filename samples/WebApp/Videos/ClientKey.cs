using System.Security.Cryptography;
using System.Text;

namespace Rivya.Samples.WebApp.Videos;

/// <summary>
/// An optional <c>Idempotency-Key</c> header on <c>POST /videos</c>: a client that sends the request again after a lost
/// answer gets the same video, not a second one. The video id (and so the Rivya key, <c>webapp-{id}</c>) is derived
/// from it, so even two copies accepted at the same instant create one Rivya task. The header's text itself goes
/// nowhere: only its hash is used. In an app with users, mix the user's id in, so keys of two users never meet.
/// </summary>
internal static class ClientKey
{
    public const string Header = "Idempotency-Key";
    private const int MaxLength = 255;

    /// <summary>The key, null when the header is absent; <paramref name="error"/> when it is present but unusable.</summary>
    public static string? Read(HttpRequest request, out string? error)
    {
        error = null;
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return null;
        }

        var key = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength || key.Any(char.IsControl))
        {
            error = $"must be given once, 1 to {MaxLength} characters without control characters.";
            return null;
        }

        return key;
    }

    /// <summary>The video id for a client's key: 32 lowercase hex digits, like a new id.</summary>
    public static string VideoId(string key) => Hash("webapp-video:" + key)[..32];

    /// <summary>A fingerprint of the body, to tell a repeat of the same request from a reuse of the key for another.</summary>
    public static string BodyFingerprint(string body) => Hash(body);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
