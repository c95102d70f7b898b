using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Rivya.Sdk.Configuration;

/// <summary>
/// One plain-value option of <see cref="RivyaClientOptions"/>: its name (also its configuration key), how it reads in
/// <c>ToString</c>, how it is set from a configuration string, and its rule. The list of them
/// (<see cref="RivyaClientOptions.Plain"/>) drives <c>ToString</c>, configuration binding and validation, so an option
/// is described once.
/// </summary>
internal sealed class ClientOption
{
    private readonly Func<RivyaClientOptions, string> _show;
    private readonly Action<RivyaClientOptions, string> _bind;
    private readonly Func<RivyaClientOptions, string?> _check;

    private ClientOption(string name, Type type, Func<RivyaClientOptions, string> show, Action<RivyaClientOptions, string> bind, Func<RivyaClientOptions, string?> check)
    {
        Name = name;
        Type = type;
        _show = show;
        _bind = bind;
        _check = check;
    }

    /// <summary>The property's name, which is also its configuration key (<c>Rivya:MaxRetries</c>).</summary>
    public string Name { get; }

    /// <summary>The property's type (a test checks every plain-value property is listed).</summary>
    public Type Type { get; }

    /// <summary>The option's value as <c>ToString</c> shows it (invariant culture).</summary>
    public string Show(RivyaClientOptions options) => _show(options);

    /// <summary>The rule's sentence when the value is not usable, else null.</summary>
    public string? Check(RivyaClientOptions options) => _check(options);

    /// <summary>Sets the option from <paramref name="section"/>'s key of its name, when that key has a value.</summary>
    /// <exception cref="InvalidOperationException">The value does not parse as the option's type (as the configuration binder says it).</exception>
    public void Bind(IConfiguration section, RivyaClientOptions options)
    {
        var text = section[Name];
        if (text is null || (text.Length == 0 && Type != typeof(string)))
        {
            return;
        }

        try
        {
            _bind(options, text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            var path = section is IConfigurationSection s ? s.Path + ":" + Name : Name;
            throw new InvalidOperationException($"Failed to convert configuration value at '{path}' to type '{Type.FullName}'.", e);
        }
    }

    /// <summary>Sets every option that <paramref name="section"/> has a key for (no reflection, so NativeAOT-safe); the rest keep their values.</summary>
    public static void BindAll(IConfiguration section, RivyaClientOptions options)
    {
        foreach (var option in RivyaClientOptions.Plain)
        {
            option.Bind(section, options);
        }
    }

    public static ClientOption Text(string name, Func<RivyaClientOptions, string?> get, Action<RivyaClientOptions, string> set, Func<string?, string?> rule, Func<string?, string>? show = null) =>
        new(name, typeof(string), o => show is null ? get(o) ?? string.Empty : show(get(o)), set, o => rule(get(o)));

    public static ClientOption Address(string name, Func<RivyaClientOptions, Uri> get, Action<RivyaClientOptions, Uri> set, Func<Uri, string?> rule, Func<Uri, string> show) =>
        new(name, typeof(Uri), o => show(get(o)), (o, t) => set(o, new Uri(t, UriKind.RelativeOrAbsolute)), o => rule(get(o)));

    public static ClientOption Int(string name, Func<RivyaClientOptions, int> get, Action<RivyaClientOptions, int> set, Func<int, string?> rule) =>
        new(name, typeof(int), o => get(o).ToString(CultureInfo.InvariantCulture), (o, t) => set(o, int.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)), o => rule(get(o)));

    public static ClientOption Long(string name, Func<RivyaClientOptions, long> get, Action<RivyaClientOptions, long> set, Func<long, string?> rule) =>
        new(name, typeof(long), o => get(o).ToString(CultureInfo.InvariantCulture), (o, t) => set(o, long.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)), o => rule(get(o)));

    public static ClientOption Duration(string name, Func<RivyaClientOptions, TimeSpan> get, Action<RivyaClientOptions, TimeSpan> set, Func<TimeSpan, string?> rule) =>
        new(name, typeof(TimeSpan), o => get(o).ToString("c", CultureInfo.InvariantCulture), (o, t) => set(o, TimeSpan.Parse(t, CultureInfo.InvariantCulture)), o => rule(get(o)));

    public static ClientOption Flag(string name, Func<RivyaClientOptions, bool> get, Action<RivyaClientOptions, bool> set) =>
        new(name, typeof(bool), o => get(o) ? "True" : "False", (o, t) => set(o, bool.Parse(t)), _ => null);
}
