using System;
using System.Collections.Generic;
using Rivya.Sdk.Testing.Logging;

namespace Rivya.Sdk.Testing.Media;

/// <summary>
/// The result host's own request log (<see cref="FakeRivyaServer.MediaRequests"/>), thread-safe and in order, with the
/// <c>Authorization</c> header redacted on the way in: a test reads whether the key came, never the key.
/// </summary>
internal sealed class MediaRequestLog
{
    private readonly object _gate = new();
    private readonly List<FakeRequest> _requests = [];
    private readonly string _apiKey;
    private readonly TimeProvider _time;

    public MediaRequestLog(string apiKey, TimeProvider time)
    {
        _apiKey = apiKey;
        _time = time;
    }

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

    public void Add(MediaRequestHead head)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hasKey = false;
        foreach (var header in head.Headers)
        {
            if (string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                hasKey = header.Value == "Bearer " + _apiKey;
                headers[header.Key] = FakeRequest.RedactedAuthorization;
                continue;
            }

            headers[header.Key] = header.Value;
        }

        var request = new FakeRequest(head.Method, head.Path, headers, [], hasKey, _time.GetUtcNow());
        lock (_gate)
        {
            _requests.Add(request);
        }
    }
}
