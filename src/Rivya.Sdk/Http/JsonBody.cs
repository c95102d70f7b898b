using System.Net.Http;

namespace Rivya.Sdk.Http;

/// <summary>
/// A JSON body serialized once per call and re-sent byte for byte on every attempt, so a retried create carries the
/// very body its idempotency key was first used with.
/// </summary>
internal static class JsonBody
{
    public static HttpContent Create(byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return content;
    }
}
