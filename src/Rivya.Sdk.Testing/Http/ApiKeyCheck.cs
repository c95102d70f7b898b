using System;
using System.Security.Cryptography;
using System.Text;

namespace Rivya.Sdk.Testing.Http;

/// <summary>The outcome of reading a request's <c>Authorization: Bearer</c> key.</summary>
internal enum ApiKeyStatus
{
    Missing,
    Invalid,
    Valid,
}

/// <summary>Rivya's key check: no Bearer key is <c>api_key_missing</c>, a key other than the fake's is <c>api_key_invalid</c>.</summary>
internal sealed class ApiKeyCheck
{
    private const string Scheme = "Bearer ";

    private readonly byte[] _expected;

    public ApiKeyCheck(string apiKey) => _expected = Encoding.UTF8.GetBytes(apiKey);

    public ApiKeyStatus Check(IncomingRequest request)
    {
        var authorization = request.Header("Authorization");
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return ApiKeyStatus.Missing;
        }

        var key = authorization.Substring(Scheme.Length).Trim();
        if (key.Length == 0)
        {
            return ApiKeyStatus.Missing;
        }

        // Fixed-time, as a real server compares secrets; a fake should not teach the opposite.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), _expected) ? ApiKeyStatus.Valid : ApiKeyStatus.Invalid;
    }
}
