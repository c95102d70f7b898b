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

    private readonly TimeSpan _initialDelay = TimeSpan.FromSeconds(2.5);
    private readonly TimeSpan _pollInterval = TimeSpan.FromSeconds(5);
    private readonly double _pollIntervalMultiplier = 1.5;
    private readonly TimeSpan _maxPollInterval = TimeSpan.FromSeconds(15);
    private readonly TimeSpan _timeout = TimeSpan.FromMinutes(30);
    private readonly double _jitter = 0.1;
    private readonly IProgress<Generation>? _progress;
    private readonly Action<Generation>? _onStatusChanged;

    // The properties set by an initializer or a `with`: the others are inherited from the client's default.
    private readonly Member _set;

    [Flags]
    private enum Member
    {
        None = 0,
        InitialDelay = 1,
        PollInterval = 2,
        PollIntervalMultiplier = 4,
        MaxPollInterval = 8,
        Timeout = 16,
        Jitter = 32,
        Progress = 64,
        OnStatusChanged = 128,
    }

    /// <summary>
    /// The sleep before the first poll. Default 2.5 seconds. Zero polls at once (useful when resuming a wait on a task
    /// that has been running for a while). Between zero and <see cref="MaxDuration"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or above <see cref="MaxDuration"/>.</exception>
    public TimeSpan InitialDelay
    {
        get => _initialDelay;
        init
        {
            _initialDelay = CheckDelay(value, allowZero: true, nameof(InitialDelay));
            _set |= Member.InitialDelay;
        }
    }

    /// <summary>
    /// The sleep after the first poll. Default 5 seconds. Each later sleep is <see cref="PollIntervalMultiplier"/> times
    /// the one before, up to <see cref="MaxPollInterval"/>. Positive, at most <see cref="MaxPollInterval"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero, negative or above <see cref="MaxDuration"/>.</exception>
    public TimeSpan PollInterval
    {
        get => _pollInterval;
        init
        {
            _pollInterval = CheckDelay(value, allowZero: false, nameof(PollInterval));
            _set |= Member.PollInterval;
        }
    }

    /// <summary>
    /// How much each sleep grows over the one before (a factor, not a duration). Default 1.5. 1 keeps every sleep at
    /// <see cref="PollInterval"/>. Finite, between 1 and 10.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1, above 10, or not a finite number.</exception>
    public double PollIntervalMultiplier
    {
        get => _pollIntervalMultiplier;
        init
        {
            _pollIntervalMultiplier = OptionRules.Valid(nameof(PollIntervalMultiplier), value, OptionRules.Between(nameof(PollIntervalMultiplier), value, 1, 10, "1 keeps the interval constant"));
            _set |= Member.PollIntervalMultiplier;
        }
    }

    /// <summary>
    /// The longest sleep between two polls, jitter included. Default 15 seconds. Positive, at most
    /// <see cref="MaxDuration"/>, and not below <see cref="PollInterval"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero, negative or above <see cref="MaxDuration"/>.</exception>
    public TimeSpan MaxPollInterval
    {
        get => _maxPollInterval;
        init
        {
            _maxPollInterval = CheckDelay(value, allowZero: false, nameof(MaxPollInterval));
            _set |= Member.MaxPollInterval;
        }
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
        get => _timeout;
        init
        {
            _timeout = value == System.Threading.Timeout.InfiniteTimeSpan
                ? value
                : CheckDelay(value, allowZero: false, nameof(Timeout), " or Timeout.InfiniteTimeSpan");
            _set |= Member.Timeout;
        }
    }

    /// <summary>
    /// The random variation of every sleep, as a fraction of it. Default 0.1: each sleep lasts between 90% and 110% of
    /// its planned length (never above <see cref="MaxPollInterval"/>), so many waiters started together do not poll in
    /// step. 0 disables it. Between 0 and <see cref="MaxJitter"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, above <see cref="MaxJitter"/>, or not a finite number.</exception>
    public double Jitter
    {
        get => _jitter;
        init
        {
            _jitter = OptionRules.Valid(nameof(Jitter), value, OptionRules.Between(nameof(Jitter), value, 0, MaxJitter, "0.1 means ±10%"));
            _set |= Member.Jitter;
        }
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
            _set |= Member.Progress;
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
            _set |= Member.OnStatusChanged;
        }
    }

    /// <summary>
    /// These options over <paramref name="defaults"/> (the client's <see cref="RivyaClientOptions.DefaultWaitOptions"/>):
    /// each property this instance set, else the default's.
    /// </summary>
    internal WaitOptions InheritFrom(WaitOptions? defaults) =>
        defaults is null || ReferenceEquals(defaults, this) ? this : defaults with
        {
            InitialDelay = Pick(Member.InitialDelay, InitialDelay, defaults.InitialDelay),
            PollInterval = Pick(Member.PollInterval, PollInterval, defaults.PollInterval),
            PollIntervalMultiplier = Pick(Member.PollIntervalMultiplier, PollIntervalMultiplier, defaults.PollIntervalMultiplier),
            MaxPollInterval = Pick(Member.MaxPollInterval, MaxPollInterval, defaults.MaxPollInterval),
            Timeout = Pick(Member.Timeout, Timeout, defaults.Timeout),
            Jitter = Pick(Member.Jitter, Jitter, defaults.Jitter),
            Progress = Pick(Member.Progress, Progress, defaults.Progress),
            OnStatusChanged = Pick(Member.OnStatusChanged, OnStatusChanged, defaults.OnStatusChanged),
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

    private T Pick<T>(Member member, T mine, T inherited) => (_set & member) != 0 ? mine : inherited;

    private static TimeSpan CheckDelay(TimeSpan value, bool allowZero, string name, string extra = "") =>
        OptionRules.Valid(name, value, OptionRules.Duration(name, value, allowZero, MaxDuration, extra));

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
