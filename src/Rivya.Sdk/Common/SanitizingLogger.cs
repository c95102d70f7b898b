using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Rivya.Sdk.Common;

/// <summary>
/// The one sink guard for log lines: the client's logger is wrapped once, so every line any part of the SDK writes has
/// its rendered message and each of its string values cleaned by <see cref="SecretScrubber.Clean"/> (the key masked in
/// any encoding, control characters escaped), whatever the caller of the log method passed. A new log event cannot
/// skip it. Nothing is done (nor allocated) for a level that is not enabled.
/// </summary>
internal sealed class SanitizingLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly string? _secret;

    private SanitizingLogger(ILogger inner, string? secret)
    {
        _inner = inner;
        _secret = secret;
    }

    /// <summary><paramref name="inner"/> wrapped, or the null logger itself (nothing to guard).</summary>
    public static ILogger Wrap(ILogger inner, string? secret) =>
        inner is NullLogger or SanitizingLogger ? inner : new SanitizingLogger(inner, secret);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!_inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = SecretScrubber.Clean(formatter(state, exception), _secret) ?? string.Empty;
        var values = new List<KeyValuePair<string, object?>>();
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var pair in pairs)
            {
                values.Add(pair.Value is string text && pair.Key != "{OriginalFormat}"
                    ? new KeyValuePair<string, object?>(pair.Key, SecretScrubber.Clean(text, _secret))
                    : pair);
            }
        }

        _inner.Log(logLevel, eventId, new CleanState(values, message), exception, static (s, _) => s.Message);
    }

    /// <summary>The cleaned values, shaped like the state <c>LoggerMessage</c> produces (structured providers read the pairs).</summary>
    private sealed class CleanState : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly List<KeyValuePair<string, object?>> _values;

        public CleanState(List<KeyValuePair<string, object?>> values, string message)
        {
            _values = values;
            Message = message;
        }

        public string Message { get; }

        public int Count => _values.Count;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
