using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>
/// The status of a generation task. <see cref="Succeeded"/> and <see cref="Failed"/> are terminal; any other value, including one newer than this SDK, means the task is still running.
/// </summary>
/// <remarks>
/// An extensible value: the known values are static properties, any other string is kept as it is (so a value
/// newer than this SDK still round-trips), <see cref="ToString"/> is the wire value, and equality ignores case.
/// </remarks>
[JsonConverter(typeof(GenerationStatusJsonConverter))]
public readonly struct GenerationStatus : IEquatable<GenerationStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public GenerationStatus(string value) => _value = Guard.NotNull(value);

    /// <summary>Accepted, not yet running (<c>queued</c>).</summary>
    public static GenerationStatus Queued { get; } = new("queued");

    /// <summary>Running (<c>processing</c>).</summary>
    public static GenerationStatus Processing { get; } = new("processing");

    /// <summary>Finished, with a result (<c>succeeded</c>).</summary>
    public static GenerationStatus Succeeded { get; } = new("succeeded");

    /// <summary>Finished without a result; the task's error says why (<c>failed</c>).</summary>
    public static GenerationStatus Failed { get; } = new("failed");

    /// <summary>Converts a wire string to a value.</summary>
    public static implicit operator GenerationStatus(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(GenerationStatus left, GenerationStatus right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(GenerationStatus left, GenerationStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(GenerationStatus other) => ExtensibleEnum.Equals(_value, other._value);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is GenerationStatus other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(_value);

    /// <summary>The wire value, e.g. <c>queued</c>.</summary>
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class GenerationStatusJsonConverter : ExtensibleEnumConverter<GenerationStatus>
{
    public GenerationStatusJsonConverter()
        : base(static value => new GenerationStatus(value), GenerationStatus.Queued, GenerationStatus.Processing, GenerationStatus.Succeeded, GenerationStatus.Failed)
    {
    }
}
