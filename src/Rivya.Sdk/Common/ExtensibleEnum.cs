using System;

namespace Rivya.Sdk.Common;

/// <summary>
/// The shared half of the extensible string values (<see cref="AspectRatio"/>, <see cref="Kling30Mode"/>,
/// <see cref="MediaKind"/>, <see cref="GenerationStatus"/>): wire values compare case-insensitively, so
/// <c>"PRO"</c> from a user or a server equals <see cref="Kling30Mode.Pro"/>, and a default struct reads as "".
/// </summary>
internal static class ExtensibleEnum
{
    public static bool Equals(string? left, string? right) =>
        string.Equals(left ?? string.Empty, right ?? string.Empty, StringComparison.OrdinalIgnoreCase);

    // A default struct (null) equals "", so both must hash alike.
    public static int GetHashCode(string? value) =>
        StringComparer.OrdinalIgnoreCase.GetHashCode(value ?? string.Empty);
}
