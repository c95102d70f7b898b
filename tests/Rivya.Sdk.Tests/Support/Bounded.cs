using System;
using System.Threading.Tasks;

namespace Rivya.Sdk.Tests.Support;

/// <summary>
/// A bound on every await of the SDK in tests: a wrong behaviour (a retry of a 400, an uncapped <c>Retry-After</c>, a
/// wait on a fake clock nobody advances) fails in seconds with a <see cref="TimeoutException"/> instead of hanging.
/// </summary>
internal static class Bounded
{
    /// <summary>Generous for a loopback call on a busy 2-core machine, short next to a hung test run.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static Task Bound(this Task task) => task.WaitAsync(Limit);

    public static Task<T> Bound<T>(this Task<T> task) => task.WaitAsync(Limit);
}
