using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Rivya.Cli.Tests.Support;

/// <summary>Polls for a condition with a generous bound (never a fixed sleep standing in for a schedule).</summary>
internal static class Eventually
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? bound = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < (bound ?? Bound))
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }
}
