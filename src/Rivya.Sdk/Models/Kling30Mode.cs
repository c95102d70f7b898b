using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>The quality mode of <c>kling-3-0</c>, sent as <c>mode</c>.</summary>
/// <remarks>
/// An extensible value: the known values are static properties, any other string is kept as it is (so a value
/// newer than this SDK still round-trips), <see cref="ToString"/> is the wire value, and equality ignores case.
/// </remarks>
[JsonConverter(typeof(Kling30ModeJsonConverter))]
public readonly struct Kling30Mode : IEquatable<Kling30Mode>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public Kling30Mode(string value) => _value = Guard.NotNull(value);

    /// <summary>Standard mode (<c>std</c>).</summary>
    public static Kling30Mode Std { get; } = new("std");

    /// <summary>Professional mode, the server default (<c>pro</c>).</summary>
    public static Kling30Mode Pro { get; } = new("pro");

    /// <summary>Converts a wire string to a value.</summary>
    public static implicit operator Kling30Mode(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(Kling30Mode left, Kling30Mode right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(Kling30Mode left, Kling30Mode right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Kling30Mode other) => ExtensibleEnum.Equals(_value, other._value);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is Kling30Mode other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(_value);

    /// <summary>The wire value, e.g. <c>std</c>.</summary>
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class Kling30ModeJsonConverter() : ExtensibleEnumConverter<Kling30Mode>(
    static value => new Kling30Mode(value), Kling30Mode.Std, Kling30Mode.Pro);
