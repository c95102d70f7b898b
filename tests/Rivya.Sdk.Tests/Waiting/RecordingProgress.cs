using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Rivya.Sdk.Tests.Waiting;

/// <summary>An <see cref="IProgress{T}"/> that records synchronously (unlike <see cref="Progress{T}"/>, which posts).</summary>
internal sealed class RecordingProgress : IProgress<Generation>
{
    private readonly ConcurrentQueue<Generation> _reports = new();

    public IReadOnlyList<Generation> Reports => _reports.ToList();

    public IReadOnlyList<string> Statuses => _reports.Select(g => g.Status.ToString()).ToList();

    public void Report(Generation value) => _reports.Enqueue(value);
}
