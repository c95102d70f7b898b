using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json;

namespace Rivya.Sdk;

/// <summary>
/// One documented parameter of a model: its wire key, kind, options or range, and server default.
/// The typed parameter records, the validator, the JSON writer and <c>Rivya.Sdk.Testing.FakeRivyaServer</c> all read these.
/// </summary>
public sealed class ModelParameter
{
    private static readonly string[] NoOptions = [];

    // The array is walked internally (no enumerator); callers get a read-only view they cannot cast back to it.
    private readonly string[] _options;

    // The integer form of each option, so an int? property validates and serializes without formatting a string.
    private readonly int?[] _integerOptions;

    private ModelParameter(string wireKey, ModelParameterKind kind, string[] options, string? defaultValue, double? minimum, double? maximum)
    {
        WireKey = wireKey;
        Kind = kind;
        _options = options;
        Options = new ReadOnlyCollection<string>(options);
        DefaultValue = defaultValue;
        Minimum = minimum;
        Maximum = maximum;
        Path = "params." + wireKey;
        PropertyName = ToPropertyName(wireKey);
        EncodedKey = JsonEncodedText.Encode(wireKey);
        // Not LINQ: the catalogue is built on a process's first create, and System.Linq is an assembly load it needs nowhere else.
        _integerOptions = Array.ConvertAll(options, static o => int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : (int?)null);
    }

    /// <summary>The key inside <c>params</c>, e.g. <c>aspect_ratio</c>.</summary>
    public string WireKey { get; }

    /// <summary>Whether the parameter is a select, a number or free text.</summary>
    public ModelParameterKind Kind { get; }

    /// <summary>The documented options of a select, in wire form (e.g. <c>"5"</c>, <c>"false"</c>); empty for other kinds. Read-only.</summary>
    public IReadOnlyList<string> Options { get; }

    /// <summary>The value the server applies when the parameter is left out, in wire form; null when none is documented.</summary>
    public string? DefaultValue { get; }

    /// <summary>The smallest allowed value of a number parameter (inclusive); null for other kinds.</summary>
    public double? Minimum { get; }

    /// <summary>The largest allowed value of a number parameter (inclusive); null for other kinds.</summary>
    public double? Maximum { get; }

    internal string Path { get; }

    internal JsonEncodedText EncodedKey { get; }

    /// <summary>The name of the typed record's property for this parameter: the wire key in PascalCase.</summary>
    internal string PropertyName { get; }

    /// <summary>
    /// Whether <paramref name="wireValue"/>, as text, is a value this parameter documents: one of a select's
    /// <see cref="Options"/> (exact, case-sensitive, as sent on the wire), a finite number within a number's range
    /// (invariant culture, e.g. <c>0.5</c>), or any text. The catalogue's one rule, for callers that hold values as
    /// strings (a command line's <c>key=value</c>, a CSV cell); nothing is sent.
    /// </summary>
    public bool IsAllowed(string wireValue) => Kind switch
    {
        ModelParameterKind.Select => Array.IndexOf(_options, wireValue) >= 0,
        ModelParameterKind.Text => true,
        _ => double.TryParse(wireValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && IsAllowed(number),
    };

    /// <summary>Whether <paramref name="value"/> is finite and inside a number parameter's inclusive range (false for other kinds).</summary>
    public bool IsAllowed(double value) =>
        Kind == ModelParameterKind.Number
        && !double.IsNaN(value) && !double.IsInfinity(value)
        && (Minimum is not { } min || value >= min)
        && (Maximum is not { } max || value <= max);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ModelParameterKind.Select => $"{WireKey} (select: {string.Join(", ", Options)})",
        ModelParameterKind.Number => $"{WireKey} (number: {Minimum?.ToString(CultureInfo.InvariantCulture)} to {Maximum?.ToString(CultureInfo.InvariantCulture)})",
        _ => $"{WireKey} (text)",
    };

    internal static ModelParameter Select(string wireKey, string defaultValue, params string[] options) =>
        new(wireKey, ModelParameterKind.Select, options, defaultValue, null, null);

    internal static ModelParameter SelectBoolean(string wireKey, string defaultValue) =>
        Select(wireKey, defaultValue, "false", "true");

    internal static ModelParameter Number(string wireKey, double defaultValue, double minimum, double maximum) =>
        new(wireKey, ModelParameterKind.Number, NoOptions, defaultValue.ToString(CultureInfo.InvariantCulture), minimum, maximum);

    internal static ModelParameter Text(string wireKey) =>
        new(wireKey, ModelParameterKind.Text, NoOptions, null, null, null);

    /// <summary>The index of the option equal to <paramref name="value"/> ignoring case, or -1.</summary>
    internal int IndexOfOption(string value)
    {
        var options = _options;
        for (var i = 0; i < options.Length; i++)
        {
            if (string.Equals(options[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    internal int IndexOfOption(int value) => Array.IndexOf(_integerOptions, value);

    internal int IndexOfOption(bool value) => Array.IndexOf(_options, value ? "true" : "false");

    internal string OptionsText => string.Join(", ", _options);

    internal string Option(int index) => _options[index];

    private static string ToPropertyName(string wireKey)
    {
        var name = new System.Text.StringBuilder(wireKey.Length);
        var upper = true;
        foreach (var c in wireKey)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return name.ToString();
    }
}
