using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>The kind of a reference or uploaded file.</summary>
/// <remarks>
/// An extensible value: the known values are static properties, any other string is kept as it is (so a value
/// newer than this SDK still round-trips), <see cref="ToString"/> is the wire value, and equality ignores case.
/// </remarks>
[JsonConverter(typeof(MediaKindJsonConverter))]
public readonly struct MediaKind : IEquatable<MediaKind>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public MediaKind(string value) => _value = Guard.NotNull(value);

    /// <summary>An image (<c>image</c>).</summary>
    public static MediaKind Image { get; } = new("image");

    /// <summary>A video (<c>video</c>).</summary>
    public static MediaKind Video { get; } = new("video");

    /// <summary>An audio clip (<c>audio</c>).</summary>
    public static MediaKind Audio { get; } = new("audio");

    /// <summary>Converts a wire string to a value.</summary>
    public static implicit operator MediaKind(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(MediaKind left, MediaKind right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(MediaKind left, MediaKind right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(MediaKind other) => ExtensibleEnum.Equals(_value, other._value);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is MediaKind other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(_value);

    /// <summary>The wire value, e.g. <c>image</c>.</summary>
    public override string ToString() => _value ?? string.Empty;
}

internal sealed class MediaKindJsonConverter() : ExtensibleEnumConverter<MediaKind>(
    static value => new MediaKind(value), MediaKind.Image, MediaKind.Video, MediaKind.Audio);
