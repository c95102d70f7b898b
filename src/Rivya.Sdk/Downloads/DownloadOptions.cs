using System;
using System.Threading;
using Rivya.Sdk.Configuration;

namespace Rivya.Sdk;

/// <summary>
/// How <c>client.Generations.DownloadAsync</c> fetches a result: progress, which URL, overwrite, the idle timeout,
/// retries and a size cap. Every property has a default; an instance may be shared between downloads.
/// </summary>
public sealed class DownloadOptions
{
    /// <summary>The default <see cref="IdleTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default <see cref="MaxBytes"/>: 8 GiB.</summary>
    public const long DefaultMaxBytes = 8L * 1024 * 1024 * 1024;

    private TimeSpan _idleTimeout = DefaultIdleTimeout;
    private long _maxBytes = DefaultMaxBytes;
    private int? _urlIndex;
    private int? _maxRetries;

    /// <summary>
    /// Told the bytes written so far, at most every 256 KiB and once at the end (and when a resume or a restart changes
    /// the count). Called on the downloading thread; a <see cref="Progress{T}"/> posts to its captured context.
    /// </summary>
    public IProgress<DownloadProgress>? Progress { get; set; }

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
    /// body) before the attempt is abandoned and resumed. Default 30 seconds. There is no whole-download timeout: a
    /// slow link that keeps delivering bytes is never cut. <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than <see cref="Timeout.InfiniteTimeSpan"/>).</exception>
    public TimeSpan IdleTimeout
    {
        get => _idleTimeout;
        set => _idleTimeout = OptionRules.Valid(nameof(IdleTimeout), value, OptionRules.PositiveOrInfinite(nameof(IdleTimeout), value));
    }

    /// <summary>
    /// How many times in a row an attempt that received nothing new is retried (after the client's backoff). Default
    /// null: <see cref="RivyaClientOptions.MaxRetries"/>. An attempt that did receive bytes before it was cut resumes at
    /// once and resets the count, so a long download over a flaky link keeps going while it makes progress.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxRetries
    {
        get => _maxRetries;
        set => _maxRetries = value is { } retries ? OptionRules.Valid(nameof(MaxRetries), retries, OptionRules.AtLeast(nameof(MaxRetries), retries, 0)) : null;
    }

    /// <summary>
    /// The largest result accepted, in bytes. Default 8 GiB. A larger <c>Content-Length</c> is refused before the body
    /// is read, and a body without one is abandoned once it passes the cap (<see cref="RivyaDownloadException"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public long MaxBytes
    {
        get => _maxBytes;
        set => _maxBytes = OptionRules.Valid(nameof(MaxBytes), value, OptionRules.AtLeast(nameof(MaxBytes), value, 1));
    }
}
