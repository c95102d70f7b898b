using System;
using Rivya.Sdk.Configuration;

namespace Rivya.Sdk;

/// <summary>
/// How <c>client.Generations.DownloadAsync</c> fetches a result: progress, which URL, overwrite, the idle and
/// whole-download timeouts, retries, a size cap and whether private-network hosts may serve it. Every property has a
/// default; an instance may be shared between downloads.
/// </summary>
public sealed class DownloadOptions
{
    /// <summary>The default <see cref="IdleTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The default <see cref="MaxBytes"/>: 1 GiB. Rivya's longest result is a 15-second clip; at 1080p it is some tens
    /// of MB, and 1 GiB would be over 500 Mbit/s for 15 s, several times any encoder's output.
    /// </summary>
    public const long DefaultMaxBytes = 1L * 1024 * 1024 * 1024;

    /// <summary>The default <see cref="Timeout"/>: 1 hour (1 GiB at 300 KB/s).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

    private TimeSpan _idleTimeout = DefaultIdleTimeout;
    private long _maxBytes = DefaultMaxBytes;
    private int? _urlIndex;
    private int? _maxRetries;
    private TimeSpan _timeout = DefaultTimeout;

    /// <summary>
    /// Told the bytes written so far, at most every 256 KiB and once at the end (and when a restart changes the count).
    /// <c>Report</c> is called on the downloading thread, after <see cref="OnProgress"/>. A <see cref="Progress{T}"/>
    /// then posts each report to the context it captured (the UI thread, or the thread pool in a console or web app),
    /// so its handler may run out of order or after the download has returned: for reports in order, before the call
    /// returns, use <see cref="OnProgress"/>.
    /// </summary>
    public IProgress<DownloadProgress>? Progress { get; set; }

    /// <summary>
    /// Called inline, on the downloading thread, with the bytes written so far: at most every 256 KiB, when a restart
    /// sets the count back to 0, and once at the end. Every call happens in order and before <c>DownloadAsync</c>
    /// returns (like <see cref="WaitOptions.OnStatusChanged"/>). Null by default. Keep it short: the download waits for
    /// it; an exception it throws ends the download with that exception (no file is left).
    /// </summary>
    public Action<DownloadProgress>? OnProgress { get; set; }

    /// <summary>
    /// Allow a result host on a loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local
    /// (169.254/16, fe80::/10) or unspecified address: for a CDN or storage on your own private network. Default false:
    /// such a target (as written in the URL, as its name resolves, and, with the SDK's own handler on net8.0 and later,
    /// as actually connected) is refused with <see cref="RivyaDownloadException"/>, so a hostile answer cannot make the
    /// SDK fetch a local service or the cloud metadata endpoint. Always allowed when the API itself is on loopback (the
    /// fake server, tests). Result URLs and redirects must be https either way.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>
    /// Replace a file already at the destination path. Default false: an existing file makes the call throw
    /// <see cref="System.IO.IOException"/> before anything is sent. Ignored for a stream destination.
    /// </summary>
    public bool Overwrite { get; set; }

    /// <summary>
    /// Which of <see cref="GenerationResult.Urls"/> to fetch (0 is the first). Default null: <see cref="GenerationResult.PrimaryUrl"/>,
    /// else the first of <see cref="GenerationResult.Urls"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? UrlIndex
    {
        get => _urlIndex;
        set => _urlIndex = value is { } index ? OptionRules.Valid(nameof(UrlIndex), index, OptionRules.AtLeast(nameof(UrlIndex), index, 0)) : null;
    }

    /// <summary>
    /// How long a download may go without receiving a byte (waiting for the answer's headers, or between reads of its
    /// body) before the attempt is abandoned and resumed. Default 30 seconds. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// disables it; <see cref="Timeout"/> still bounds the whole download.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>).</exception>
    public TimeSpan IdleTimeout
    {
        get => _idleTimeout;
        set => _idleTimeout = OptionRules.Valid(nameof(IdleTimeout), value, OptionRules.PositiveOrInfinite(nameof(IdleTimeout), value));
    }

    /// <summary>
    /// How many times in a row an attempt that received nothing new is retried (after the client's backoff). Default
    /// null: <see cref="RivyaClientOptions.MaxRetries"/>. An attempt that did receive bytes before it was cut resets the
    /// count and resumes after the shortest backoff (about 1 s), so a long download over a flaky link keeps going while
    /// it makes progress, and a host that sends a byte per connection is asked at most about once a second;
    /// <see cref="Timeout"/> ends it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxRetries
    {
        get => _maxRetries;
        set => _maxRetries = value is { } retries ? OptionRules.Valid(nameof(MaxRetries), retries, OptionRules.AtLeast(nameof(MaxRetries), retries, 0)) : null;
    }

    /// <summary>
    /// How long the whole download may take, every attempt, resume and backoff included. Default 1 hour
    /// (<see cref="DefaultTimeout"/>): no host can keep a download going for ever, a byte at a time.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> removes the bound. When it passes, the download fails with
    /// <see cref="RivyaDownloadException"/> and no file is left.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>).</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        set => _timeout = OptionRules.Valid(nameof(Timeout), value, OptionRules.PositiveOrInfinite(nameof(Timeout), value));
    }

    /// <summary>
    /// The largest result accepted, in bytes. Default 1 GiB (<see cref="DefaultMaxBytes"/>). A larger <c>Content-Length</c> is refused before the body
    /// is read, and a body without one is abandoned once it passes the cap (<see cref="RivyaDownloadException"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public long MaxBytes
    {
        get => _maxBytes;
        set => _maxBytes = OptionRules.Valid(nameof(MaxBytes), value, OptionRules.AtLeast(nameof(MaxBytes), value, 1));
    }
}
