using System;
using System.Globalization;
using Rivya.Sdk.Configuration;

namespace Rivya.Sdk;

/// <summary>
/// How <c>WaitForCompletionAsync</c>, <c>CreateAndWaitAsync</c> and <c>WatchAsync</c> poll a generation. The defaults
/// follow Rivya's polling guidance (wait 2-3 s after submitting, then poll every 5-10 s, slower for long jobs): the
/// first poll after 2.5 s, then sleeps of 5 s, 7.5 s, 11.25 s and 15 s from then on, each varied by up to ±10%, for at
/// most 30 minutes.
/// </summary>
/// <remarks>
/// A <see cref="WaitOptions"/> given to a call (or as <c>BatchOptions.Wait</c>) overrides only the properties it sets:
/// every other one comes from the client's <see cref="RivyaClientOptions.DefaultWaitOptions"/> (when that is set), so
/// <c>new WaitOptions { OnStatusChanged = ... }</c> keeps a test client's fast schedule. Each property is checked when it is set (<see cref="ArgumentOutOfRangeException"/>); the combination
/// (<see cref="PollInterval"/> not above <see cref="MaxPollInterval"/>) is checked when a wait starts
/// (<see cref="ArgumentException"/>). All times run on <see cref="RivyaClientOptions.TimeProvider"/>.
/// </remarks>
public sealed record WaitOptions
{
    /// <summary>The longest finite time any property accepts: 24 days, the limit of timers on every .NET runtime.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(24);

    /// <summary>The largest <see cref="Jitter"/> accepted: 0.5 (a sleep between half and one and a half of its planned length).</summary>
    public const double MaxJitter = 0.5;

    // Null (or false) until set by an initializer or a `with`: what is unset is inherited from the client's default.
    private readonly TimeSpan? _initialDelay;
    private readonly TimeSpan? _pollInterval;
    private readonly double? _pollIntervalMultiplier;
    private readonly TimeSpan? _maxPollInterval;
    private readonly TimeSpan? _timeout;
    private readonly double? _jitter;
    private readonly IProgress<Generation>? _progress;
    private readonly Action<Generation>? _onStatusChanged;
    private readonly bool _progressSet;
    private readonly bool _onStatusChangedSet;

    /// <summary>
    /// The sleep before the first poll. Default 2.5 seconds. Zero polls at once (useful when resuming a wait on a task
    /// that has been running for a while). Between zero and <see cref="MaxDuration"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or above <see cref="MaxDuration"/>.</exception>
    public TimeSpan InitialDelay
    {
        get => _initialDelay ?? TimeSpan.FromSeconds(2.5);
        init => _initialDelay = CheckDelay(value, allowZero: true, nameof(InitialDelay));
    }

    /// <summary>
    /// The sleep after the first poll. Default 5 seconds. Each later sleep is <see cref="PollIntervalMultiplier"/> times
    /// the one before, up to <see cref="MaxPollInterval"/>. Positive, at most <see cref="MaxPollInterval"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero, negative or above <see cref="MaxDuration"/>.</exception>
    public TimeSpan PollInterval
    {
        get => _pollInterval ?? TimeSpan.FromSeconds(5);
        init => _pollInterval = CheckDelay(value, allowZero: false, nameof(PollInterval));
    }

    /// <summary>
    /// How much each sleep grows over the one before (a factor, not a duration). Default 1.5. 1 keeps every sleep at
    /// <see cref="PollInterval"/>. Finite, between 1 and 10.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1, above 10, or not a finite number.</exception>
    public double PollIntervalMultiplier
    {
        get => _pollIntervalMultiplier ?? 1.5;
        init => _pollIntervalMultiplier = CheckFactor(value, 1, 10, nameof(PollIntervalMultiplier), "1 keeps the interval constant");
    }

    /// <summary>
    /// The longest sleep between two polls, jitter included. Default 15 seconds. Positive, at most
    /// <see cref="MaxDuration"/>, and not below <see cref="PollInterval"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero, negative or above <see cref="MaxDuration"/>.</exception>
    public TimeSpan MaxPollInterval
    {
        get => _maxPollInterval ?? TimeSpan.FromSeconds(15);
        init => _maxPollInterval = CheckDelay(value, allowZero: false, nameof(MaxPollInterval));
    }

    /// <summary>
    /// The longest the whole wait may take, from its start to the end of the last poll; when it passes, the wait throws
    /// <see cref="RivyaWaitTimeoutException"/> (a poll in flight or a sleep is cut short), and the task goes on
    /// server-side. Default 30 minutes. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits with no limit
    /// (then only the caller's cancellation token ends an endless task). Otherwise positive, at most
    /// <see cref="MaxDuration"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero, negative (other than infinite) or above <see cref="MaxDuration"/>.</exception>
    public TimeSpan Timeout
    {
        get => _timeout ?? TimeSpan.FromMinutes(30);
        init => _timeout = value == System.Threading.Timeout.InfiniteTimeSpan
            ? value
            : CheckDelay(value, allowZero: false, nameof(Timeout), " or Timeout.InfiniteTimeSpan");
    }

    /// <summary>
    /// The random variation of every sleep, as a fraction of it. Default 0.1: each sleep lasts between 90% and 110% of
    /// its planned length (never above <see cref="MaxPollInterval"/>), so many waiters started together do not poll in
    /// step. 0 disables it. Between 0 and <see cref="MaxJitter"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, above <see cref="MaxJitter"/>, or not a finite number.</exception>
    public double Jitter
    {
        get => _jitter ?? 0.1;
        init => _jitter = CheckFactor(value, 0, MaxJitter, nameof(Jitter), "0.1 means ±10%");
    }

    /// <summary>
    /// Told each time the generation's status changes (the first status read included), not on every poll. Null by
    /// default. <c>Report</c> is called on the waiting thread, before the wait goes on. A <see cref="Progress{T}"/>
    /// then posts the report (to the UI thread, or to the thread pool in a console app), so its handler may run after
    /// the wait has returned: for reports in order, before the call returns, use <see cref="OnStatusChanged"/>.
    /// In <c>CreateAndWaitAsync</c> its first call is guaranteed to carry the created task, right after the create and
    /// before the first sleep: the place to persist the task id (with a synchronous implementation).
    /// </summary>
    public IProgress<Generation>? Progress
    {
        get => _progress;
        init
        {
            _progress = value;
            _progressSet = true;
        }
    }

    /// <summary>
    /// Called inline, on the waiting thread, each time the generation's status changes (the first status read
    /// included): every call happens in order and before the wait returns or yields. Null by default. Keep it short;
    /// an exception it throws ends the wait with that exception. Called before <see cref="Progress"/> when both are set.
    /// </summary>
    public Action<Generation>? OnStatusChanged
    {
        get => _onStatusChanged;
        init
        {
            _onStatusChanged = value;
            _onStatusChangedSet = true;
        }
    }

    /// <summary>
    /// These options over <paramref name="defaults"/> (the client's <see cref="RivyaClientOptions.DefaultWaitOptions"/>):
    /// each property this instance set, else the default's.
    /// </summary>
    internal WaitOptions InheritFrom(WaitOptions? defaults) =>
        defaults is null || ReferenceEquals(defaults, this) ? this : defaults with
        {
            InitialDelay = _initialDelay ?? defaults.InitialDelay,
            PollInterval = _pollInterval ?? defaults.PollInterval,
            PollIntervalMultiplier = _pollIntervalMultiplier ?? defaults.PollIntervalMultiplier,
            MaxPollInterval = _maxPollInterval ?? defaults.MaxPollInterval,
            Timeout = _timeout ?? defaults.Timeout,
            Jitter = _jitter ?? defaults.Jitter,
            Progress = _progressSet ? Progress : defaults.Progress,
            OnStatusChanged = _onStatusChangedSet ? OnStatusChanged : defaults.OnStatusChanged,
        };

    /// <summary>Tells <see cref="OnStatusChanged"/>, then <see cref="Progress"/>, about <paramref name="generation"/>.</summary>
    internal void Report(Generation generation)
    {
        OnStatusChanged?.Invoke(generation);
        Progress?.Report(generation);
    }

    /// <summary>Checks what the property setters cannot: how the properties fit together.</summary>
    /// <exception cref="ArgumentException"><see cref="PollInterval"/> is above <see cref="MaxPollInterval"/>.</exception>
    internal void Validate(string paramName)
    {
        if (PollInterval > MaxPollInterval)
        {
            throw new ArgumentException(
                $"WaitOptions.PollInterval ({Seconds(PollInterval)}) is above MaxPollInterval ({Seconds(MaxPollInterval)}): raise MaxPollInterval as well.",
                paramName);
        }
    }

    private static TimeSpan CheckDelay(TimeSpan value, bool allowZero, string name, string extra = "") =>
        OptionRules.Valid(name, value, OptionRules.Duration(name, value, allowZero, MaxDuration, extra));

    private static double CheckFactor(double value, double min, double max, string name, string meaning) =>
        OptionRules.Valid(name, value, OptionRules.Between(name, value, min, max, meaning));

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
