using System;
using System.Linq;
using System.Reflection;
using FluentAssertions;
using Rivya.Sdk.DependencyInjection;
using Xunit;

namespace Rivya.Sdk.Tests.Configuration;

/// <summary>
/// A new client option cannot be half added: every plain-value option can be set from configuration
/// (<c>RivyaClientSettings</c>) and shows in <c>ToString()</c>. Objects (clock, logger factory, wait defaults) are
/// code-only and are not listed. See docs/architecture.md, "A client option".
/// </summary>
public class OptionCoverageTests
{
    private static readonly Type[] PlainTypes = [typeof(string), typeof(Uri), typeof(int), typeof(long), typeof(bool), typeof(TimeSpan)];

    // Objects that only code can give; everything else must be a plain value that configuration can set.
    private static readonly string[] CodeOnly = ["TimeProvider", "LoggerFactory", "DefaultWaitOptions"];

    public static TheoryData<string> PlainOptions() => new(PlainOptionNames());

    private static string[] PlainOptionNames() =>
        [.. typeof(RivyaClientOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && PlainTypes.Contains(p.PropertyType))
            .Select(p => p.Name)];

    [Fact]
    public void Every_option_is_either_a_plain_value_or_named_code_only()
    {
        // A new option of another type (an enum, a nullable, a double) must be decided here, not skipped silently.
        var all = typeof(RivyaClientOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);
        all.Should().BeEquivalentTo(PlainOptionNames().Concat(CodeOnly));
        PlainOptionNames().Should().Contain(["ApiKey", "BaseAddress", "MaxRetries", "Timeout", "WarnOnCatalogDrift"]);
    }

    [Theory]
    [MemberData(nameof(PlainOptions))]
    public void Every_plain_option_binds_from_configuration(string name)
    {
        var option = typeof(RivyaClientOptions).GetProperty(name)!;
        var setting = typeof(RivyaClientSettings).GetProperty(name);
        setting.Should().NotBeNull($"RivyaClientSettings needs '{name}' so appsettings can set it");

        var value = DistinctValue(option.PropertyType, option.GetValue(new RivyaClientOptions()));
        var settings = new RivyaClientSettings();
        setting!.SetValue(settings, value);
        var options = new RivyaClientOptions();
        settings.ApplyTo(options);

        option.GetValue(options).Should().Be(value, $"ApplyTo must copy '{name}'");
    }

    [Theory]
    [MemberData(nameof(PlainOptions))]
    public void Every_plain_option_shows_in_ToString(string name)
    {
        var option = typeof(RivyaClientOptions).GetProperty(name)!;
        var options = new RivyaClientOptions();
        var value = DistinctValue(option.PropertyType, option.GetValue(options));
        option.SetValue(options, value);

        var text = options.ToString();

        text.Should().Contain(name + " = ");
        if (name != nameof(RivyaClientOptions.ApiKey))
        {
            text.Should().Contain(name + " = " + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), "ToString shows the value set");
        }
    }

    private static object DistinctValue(Type type, object? current) => type switch
    {
        _ when type == typeof(string) => "value-" + current,
        _ when type == typeof(Uri) => new Uri("https://options.example/"),
        _ when type == typeof(int) => (int)current! + 7,
        _ when type == typeof(long) => (long)current! + 7,
        _ when type == typeof(bool) => !(bool)current!,
        _ => (TimeSpan)current! + TimeSpan.FromSeconds(7),
    };
}
