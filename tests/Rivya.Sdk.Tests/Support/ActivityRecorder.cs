using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Rivya.Sdk.Tests.Support;

/// <summary>
/// Records the SDK's spans (source <c>Rivya.Sdk</c>) started under a root activity of this test. Listeners are
/// process-wide and tests run in parallel, so only spans in the root's trace are kept.
/// </summary>
public sealed class ActivityRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly Activity _root;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    /// <summary>Starts listening and makes a fresh root activity current; create it inside the test method.</summary>
    public ActivityRecorder()
    {
        _root = new Activity("test-root");
        _root.SetIdFormat(ActivityIdFormat.W3C);
        _root.Start();
        var traceId = _root.TraceId;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Rivya.Sdk",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ActivitySpanId RootSpanId => _root.SpanId;

    /// <summary>Every stopped span of this test's trace, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Stopped => _stopped.ToArray();

    /// <summary>The spans of whole calls (children of the root).</summary>
    public IReadOnlyList<Activity> Calls => Stopped.Where(a => a.ParentSpanId == _root.SpanId).ToList();

    /// <summary>The attempt spans of <paramref name="call"/>, by attempt number.</summary>
    public IReadOnlyList<Activity> AttemptsOf(Activity call) =>
        Stopped.Where(a => a.ParentSpanId == call.SpanId).OrderBy(a => Convert.ToInt32(a.GetTagItem("rivya.attempt"), System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public void Dispose()
    {
        _listener.Dispose();
        _root.Stop();
    }
}
