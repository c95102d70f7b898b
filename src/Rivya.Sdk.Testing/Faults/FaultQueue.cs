using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Rivya.Sdk.Testing.Http;

namespace Rivya.Sdk.Testing.Faults;

/// <summary>The faults queued for the next requests, in order; each entry answers a given number of requests.</summary>
internal sealed class FaultQueue
{
    private readonly object _gate = new();
    private readonly Queue<Entry> _entries = new();

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                var total = 0;
                foreach (var entry in _entries)
                {
                    total += entry.Remaining;
                }

                return total;
            }
        }
    }

    public void Enqueue(FakeFault fault, int count)
    {
        lock (_gate)
        {
            _entries.Enqueue(new Entry(fault, count));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>The fault the next request answers, or null when none is queued.</summary>
    public FakeFault? TryTake()
    {
        lock (_gate)
        {
            if (_entries.Count == 0)
            {
                return null;
            }

            var entry = _entries.Peek();
            if (--entry.Remaining == 0)
            {
                _entries.Dequeue();
            }

            return entry.Fault;
        }
    }

    public static FakeResponse ToResponse(FakeFault fault)
    {
        var status = (int)fault.Status;
        var message = fault.Message ?? string.Format(CultureInfo.InvariantCulture, "Fault injected by FakeRivyaServer (HTTP {0}).", status);
        var response = fault.Html ? HtmlPage(status) : ErrorResponses.Create(status, fault.EffectiveErrorCode, message);
        if (fault.RetryAfter is { } retryAfter)
        {
            var seconds = (long)Math.Ceiling(Math.Max(0, retryAfter.TotalSeconds));
            response.WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }

    private static FakeResponse HtmlPage(int status) => new(
        status,
        Encoding.UTF8.GetBytes(string.Format(CultureInfo.InvariantCulture, "<html><head><title>{0}</title></head><body><h1>{0} (FakeRivyaServer proxy)</h1></body></html>", status)),
        "text/html; charset=utf-8");

    private sealed class Entry(FakeFault fault, int remaining)
    {
        public FakeFault Fault { get; } = fault;

        public int Remaining { get; set; } = remaining;
    }
}
