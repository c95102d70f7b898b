using System.Collections.Generic;
using System.Text.Json;

namespace Rivya.Sdk.Common;

/// <summary>
/// A value the SDK returns to the caller, read from a server's answer: it can give a copy of itself with the API key
/// masked in every string it holds (<see cref="SecretScrubber.Scrub"/>), so logging what the SDK returned never
/// writes the key. The pipeline applies it to every parsed answer; the value itself when nothing needed masking.
/// </summary>
internal interface ISecretMasked<out T>
{
    T MaskSecret(string secret);
}

/// <summary>The masking of each kind of member, for <see cref="ISecretMasked{T}"/> implementations: the same instance back when clean.</summary>
internal static class SecretMasking
{
    /// <summary>True when masking changed anything (the masked values are then used).</summary>
    public static bool Changed<TValue>(TValue original, TValue masked)
        where TValue : class? => !ReferenceEquals(original, masked);

    public static IReadOnlyList<string> List(IReadOnlyList<string> values, string secret)
    {
        List<string>? masked = null;
        for (var i = 0; i < values.Count; i++)
        {
            var value = SecretScrubber.Scrub(values[i], secret)!;
            if (!ReferenceEquals(value, values[i]))
            {
                masked ??= new List<string>(values);
                masked[i] = value;
            }
        }

        return (IReadOnlyList<string>?)masked ?? values;
    }

    /// <summary>A JSON value with the key masked inside its strings (replacing a run inside a string keeps the JSON valid).</summary>
    public static JsonElement? Json(JsonElement? element, string secret, out bool changed)
    {
        changed = false;
        if (element is not { } value)
        {
            return null;
        }

        var raw = value.GetRawText();
        var masked = SecretScrubber.Scrub(raw, secret)!;
        if (ReferenceEquals(raw, masked))
        {
            return element;
        }

        changed = true;
        using var document = JsonDocument.Parse(masked);
        return document.RootElement.Clone();
    }

    /// <summary>An extensible enum's wire string masked, or null when it needed nothing.</summary>
    public static string? EnumText(string text, string secret)
    {
        var masked = SecretScrubber.Scrub(text, secret);
        return ReferenceEquals(masked, text) ? null : masked;
    }

    public static T Apply<T>(T value, string? secret) =>
        secret is not null && value is ISecretMasked<T> maskable ? maskable.MaskSecret(secret) : value;
}
