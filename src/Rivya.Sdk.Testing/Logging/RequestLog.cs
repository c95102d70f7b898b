using System;
using System.Collections.Generic;
using Rivya.Sdk.Testing.Http;

namespace Rivya.Sdk.Testing.Logging;

/// <summary>The thread-safe, in-order record of the requests received, with the API key redacted on the way in.</summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<FakeRequest> _requests = [];

    public IReadOnlyList<FakeRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    public void Add(IncomingRequest request, ApiKeyStatus keyStatus, DateTimeOffset receivedAt)
    {
        var entry = new FakeRequest(request.Method, request.Path, Redact(request.Headers), request.Body, keyStatus == ApiKeyStatus.Valid, receivedAt);
        lock (_gate)
        {
            _requests.Add(entry);
        }
    }

    private static Dictionary<string, string> Redact(IReadOnlyDictionary<string, string> headers)
    {
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            copy[header.Key] = string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase)
                ? FakeRequest.RedactedAuthorization
                : header.Value;
        }

        return copy;
    }
}
