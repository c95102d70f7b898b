using System;
using System.Collections.Generic;
using System.Globalization;
using Rivya.Sdk.Testing.Http;

namespace Rivya.Sdk.Testing.RateLimits;

/// <summary>
/// <see cref="FakeRivyaServerOptions.CreateRateLimit"/>: at most N creates per API key in each fixed window of
/// <see cref="FakeRivyaServerOptions.RateLimitWindow"/>, counted from the server's start on its
/// <see cref="FakeRivyaServerOptions.TimeProvider"/>. Beyond that, 429 <c>rate_limited</c> with <c>Retry-After</c>
/// in whole seconds up to the next window. Refused creates do not count.
/// </summary>
internal sealed class CreateRateLimiter
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Window, int Count)> _byKey = new(StringComparer.Ordinal);
    private readonly int? _limit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _start;

    public CreateRateLimiter(int? limit, TimeSpan window, TimeProvider time)
    {
        _limit = limit;
        _window = window;
        _time = time;
        _start = time.GetUtcNow();
    }

    /// <summary>How many creates were refused with 429.</summary>
    public int Refused { get; private set; }

    /// <summary>Null when the create may go on; else the 429 to answer.</summary>
    public FakeResponse? Check(string? apiKey)
    {
        if (_limit is not { } limit)
        {
            return null;
        }

        var elapsed = _time.GetUtcNow() - _start;
        var window = elapsed.Ticks / _window.Ticks;
        lock (_gate)
        {
            var key = apiKey ?? string.Empty;
            var (seenWindow, count) = _byKey.TryGetValue(key, out var entry) ? entry : (window, 0);
            if (seenWindow != window)
            {
                count = 0;
            }

            if (count < limit)
            {
                _byKey[key] = (window, count + 1);
                return null;
            }

            Refused++;
        }

        var untilNext = TimeSpan.FromTicks(((window + 1) * _window.Ticks) - elapsed.Ticks);
        var seconds = Math.Max(1, (long)Math.Ceiling(untilNext.TotalSeconds));
        return ErrorResponses.Create(429, "rate_limited", FormattableString.Invariant($"At most {limit} creates per {_window.TotalSeconds:0.###} s; retry after {seconds} s."))
            .WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
    }
}
