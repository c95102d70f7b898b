using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using FluentAssertions;

namespace Rivya.Sdk.Tests.Support;

/// <summary>
/// Gathers every piece of text a scenario produced (log lines and their values, exception messages and
/// <c>ToString()</c>, span names and tags, options) and asserts that no part of the key's secret appears in any of it:
/// not the whole key, and not any 12 characters in a row of the secret after <c>rvya_sk_</c> (a key cut in half by a
/// length limit is still a leak).
/// </summary>
public sealed class LeakScan
{
    private const int Window = 12;
    private readonly string _key;
    private readonly List<(string Where, string Text)> _texts = [];

    public LeakScan(string key)
    {
        _key = key;
    }

    public int Count => _texts.Count;

    /// <summary>Everything gathered, with where it came from.</summary>
    public IReadOnlyList<(string Where, string Text)> Texts => _texts;

    public LeakScan Add(string where, string? text)
    {
        if (text is not null)
        {
            _texts.Add((where, text));
        }

        return this;
    }

    public LeakScan AddException(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var type = e.GetType().Name;
            Add(type + ".Message", e.Message);
            Add(type + ".ToString()", e.ToString());
            foreach (var property in e.Data.Keys.Cast<object>())
            {
                Add(type + ".Data", property + "=" + e.Data[property]);
            }

            if (e is RivyaApiException api)
            {
                Add(type + ".ErrorCode", api.ErrorCode).Add(type + ".RequestId", api.RequestId).Add(type + ".IdempotencyKey", api.IdempotencyKey);
            }
        }

        return this;
    }

    public LeakScan AddLogs(CapturingLoggerProvider logs)
    {
        foreach (var record in logs.Records)
        {
            Add("log " + record.EventId, record.Message);
            foreach (var (name, value) in record.State)
            {
                Add($"log {record.EventId} {name}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }

            AddException(record.Exception);
        }

        return this;
    }

    public LeakScan AddActivities(IEnumerable<Activity> activities)
    {
        foreach (var activity in activities)
        {
            Add("span name", activity.DisplayName).Add("span operation", activity.OperationName).Add("span status", activity.StatusDescription);
            foreach (var (name, value) in activity.TagObjects)
            {
                Add("span tag " + name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var activityEvent in activity.Events)
            {
                Add("span event", activityEvent.Name);
                foreach (var (name, value) in activityEvent.Tags)
                {
                    Add("span event tag " + name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            foreach (var (name, value) in activity.Baggage)
            {
                Add("span baggage " + name, value);
            }
        }

        return this;
    }

    /// <summary>The places where part of the key was found; empty when clean.</summary>
    public IReadOnlyList<string> Leaks()
    {
        var secret = _key.StartsWith("rvya_sk_", StringComparison.Ordinal) ? _key["rvya_sk_".Length..] : _key;
        var fragments = Enumerable.Range(0, Math.Max(1, secret.Length - Window + 1))
            .Select(i => secret.Substring(i, Math.Min(Window, secret.Length - i)))
            .Append(_key)
            .ToList();
        return _texts
            .Where(t => fragments.Any(f => t.Text.Contains(f, StringComparison.Ordinal)))
            .Select(t => $"{t.Where}: {t.Text}")
            .ToList();
    }

    public void ShouldBeClean()
    {
        _texts.Should().NotBeEmpty("a scan that saw nothing proves nothing");
        Leaks().Should().BeEmpty("the API key must never reach a log line, an exception, a span or a ToString()");
    }
}
