using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Rivya.Sdk.Tests.Support;

/// <summary>One line the SDK logged: its level, event, formatted text and structured values.</summary>
public sealed record LogRecord(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception)
{
    /// <summary>A structured value of the line, e.g. <c>Attempt</c> or <c>DelayMs</c>.</summary>
    public object? this[string name] => State.FirstOrDefault(p => p.Key == name).Value;

    public override string ToString() => $"{Level} [{EventId.Id}] {Message}";
}

/// <summary>
/// Captures every log line at every level (Trace included). It is also the <see cref="ILoggerFactory"/> handed to
/// <see cref="RivyaClientOptions.LoggerFactory"/>, so each test sees only its own client's lines.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => _records.ToArray();

    public IReadOnlyList<LogRecord> WithEventId(int id) => Records.Where(r => r.EventId.Id == id).ToList();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _records);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("The capturing factory has one provider: itself.");

    public void Dispose()
    {
    }

    private sealed class CapturingLogger : ILogger
    {
        private readonly string _category;
        private readonly ConcurrentQueue<LogRecord> _records;

        public CapturingLogger(string category, ConcurrentQueue<LogRecord> records)
        {
            _category = category;
            _records = records;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            _records.Enqueue(new LogRecord(_category, logLevel, eventId, formatter(state, exception), values.ToList(), exception));
        }
    }
}
