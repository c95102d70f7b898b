using System;
using System.Collections.Generic;
using System.Threading;

namespace Rivya.Sdk.Testing.Faults;

/// <summary>Faults that strike a share of requests, chosen by a seeded random source (one draw per request, in arrival order).</summary>
internal sealed class RandomFaults
{
    private readonly object _gate = new();
    private Random? _random;
    private double _rate;
    private FakeFault[] _faults = [];
    private int _struck;

    /// <summary>How many requests a random fault has struck so far.</summary>
    public int Struck => Volatile.Read(ref _struck);

    public void Start(double rate, int seed, IReadOnlyList<FakeFault> faults)
    {
        lock (_gate)
        {
            _random = new Random(seed);
            _rate = rate;
            _faults = [.. faults];
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _random = null;
        }
    }

    /// <summary>The fault this request answers, or null when it is spared.</summary>
    public FakeFault? TryTake()
    {
        lock (_gate)
        {
            if (_random is null || _faults.Length == 0)
            {
                return null;
            }

            // Two draws every time, so the sequence of choices depends only on the seed and the number of requests.
#pragma warning disable CA5394 // Not security: a reproducible test schedule is the point.
            var strikes = _random.NextDouble() < _rate;
            var pick = _random.Next(_faults.Length);
#pragma warning restore CA5394
            if (!strikes)
            {
                return null;
            }

            _struck++;
            return _faults[pick];
        }
    }
}
