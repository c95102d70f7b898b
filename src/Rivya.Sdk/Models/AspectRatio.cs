using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>A video's aspect ratio, sent as <c>aspect_ratio</c>.</summary>
/// <remarks>
/// An extensible value: the known values are static properties, any other string is kept as it is (so a value
/// newer than this SDK still round-trips), <see cref="ToString"/> is the wire value, and equality ignores case.
/// </remarks>
[JsonConverter(typeof(AspectRatioJsonConverter))]
public readonly struct AspectRatio : IEquatable<AspectRatio>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AspectRatio(string value) => _value = Guard.NotNull(value);

    /// <summary>Landscape, 16:9 (<c>16:9</c>).</summary>
    public static AspectRatio Landscape { get; } = new("16:9");

    /// <summary>Portrait, 9:16 (<c>9:16</c>).</summary>
    public static AspectRatio Portrait { get; } = new("9:16");

    /// <summary>Square, 1:1 (<c>1:1</c>).</summary>
    public static AspectRatio Square { get; } = new("1:1");

    /// <summary>Converts a wire string to a value.</summary>
    public static implicit operator AspectRatio(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(AspectRatio left, AspectRatio right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(AspectRatio left, AspectRatio right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(AspectRatio other) => ExtensibleEnum.Equals(_value, other._value);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is AspectRatio other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(_value);

    /// <summary>The wire value, e.g. <c>16:9</c>.</summary>
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class AspectRatioJsonConverter() : ExtensibleEnumConverter<AspectRatio>(
    static value => new AspectRatio(value), AspectRatio.Landscape, AspectRatio.Portrait, AspectRatio.Square);
