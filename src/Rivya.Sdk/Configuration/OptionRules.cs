using System;
using System.Globalization;

namespace Rivya.Sdk.Configuration;

/// <summary>
/// The one shape of an option's check, for every options type: a rule returns null for a good value, or one sentence
/// naming the option, what it must be and the value it got (<c>"MaxRetries must be 0 or more; got -1."</c>).
/// </summary>
internal static class OptionRules
{
    public static T Valid<T>(string name, T value, string? problem) =>
        problem is null ? value : throw new ArgumentOutOfRangeException(name, value, problem);

    public static string? AtLeast(string name, long value, long min) =>
        value >= min ? null : $"{name} must be {min} or more; got {value}.";

    public static string? Between(string name, long value, long min, long max) =>
        value >= min && value <= max ? null : $"{name} must be {min} to {max}; got {value}.";

    /// <summary>A finite number from <paramref name="min"/> to <paramref name="max"/>; NaN and infinities are refused.</summary>
    public static string? Between(string name, double value, double min, double max, string meaning) =>
        value >= min && value <= max
            ? null
            : $"{name} must be a finite number from {Text(min)} to {Text(max)} ({meaning}); got {Text(value)}.";

    public static string? NullOrNotBlank(string name, string? value, string meaning) =>
        value is null || value.Trim().Length > 0 ? null : $"{name} must be null or a non-blank string ({meaning}); got a blank one.";

    public static string? NotNegative(string name, TimeSpan value) =>
        value >= TimeSpan.Zero ? null : $"{name} must not be negative; got {value}.";

    public static string? PositiveOrInfinite(string name, TimeSpan value) =>
        value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
            ? null
            : $"{name} must be positive or Timeout.InfiniteTimeSpan; got {value}.";

    /// <summary>Within [0 or a tick, <paramref name="max"/>]: the range a timer accepts.</summary>
    public static string? Duration(string name, TimeSpan value, bool allowZero, TimeSpan max, string extra = "")
    {
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero) || value > max)
        {
            var lower = allowZero ? "zero or more" : "positive";
            return $"{name} must be {lower} and at most {Text(max.TotalDays)} days{extra}; got {value}.";
        }

        return null;
    }

    private static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
