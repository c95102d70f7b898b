using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Rivya.Sdk.Configuration;

/// <summary>
/// One plain-value option of <see cref="RivyaClientOptions"/>: its name (also its configuration key), its type (a test
/// checks every plain-value property is listed), how it reads in <c>ToString</c> (invariant culture), how it is set
/// from a configuration string, and its rule (null for a good value). The list of them
/// (<see cref="RivyaClientOptions.Plain"/>) drives <c>ToString</c>, configuration binding and validation, so an option
/// is described once.
/// </summary>
internal sealed record ClientOption(
    string Name,
    Type Type,
    Func<RivyaClientOptions, string> Show,
    Action<RivyaClientOptions, string> Parse,
    Func<RivyaClientOptions, string?> Check)
{
    /// <summary>Sets every option that <paramref name="section"/> has a key for (no reflection, so NativeAOT-safe); the rest keep their values.</summary>
    /// <exception cref="InvalidOperationException">A value does not parse as its option's type (worded as the binder words it).</exception>
    public static void BindAll(IConfiguration section, RivyaClientOptions options)
    {
        foreach (var option in RivyaClientOptions.Plain)
        {
            var text = section[option.Name];
            if (text is null || (text.Length == 0 && option.Type != typeof(string)))
            {
                continue;
            }

            try
            {
                option.Parse(options, text);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                var path = section is IConfigurationSection s ? s.Path + ":" + option.Name : option.Name;
                var message = $"Failed to convert configuration value at '{path}' to type '{option.Type.FullName}'.";
                throw new InvalidOperationException(message, e);
            }
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
