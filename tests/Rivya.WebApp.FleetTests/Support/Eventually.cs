using System.Diagnostics;

namespace Rivya.WebApp.FleetTests.Support;

/// <summary>
/// Waits for a condition by checking it again and again, up to a generous bound (CI is a loaded 2-core machine). No
/// fixed sleep decides an outcome: the bound only turns a hang into a failure that says what was awaited.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan bound, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > bound)
            {
                throw new TimeoutException($"Waited {bound.TotalSeconds:0} s for {what}; last seen: {value}");
            }

            await Task.Delay(Pause);
        }
    }
}
