using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Rivya.Sdk.Configuration;
using Xunit;

namespace Rivya.Sdk.Tests.Configuration;

/// <summary>
/// A client option is described once, in its row of <c>RivyaClientOptions.Plain</c>, which drives <c>ToString</c>,
/// configuration binding and validation. These tests fail when a plain-value property has no row (the one thing that
/// can be forgotten), and prove each row binds from configuration and shows in <c>ToString</c>. Objects (clock,
/// logger factory, wait defaults) are code-only. See docs/architecture.md, "A client option".
/// </summary>
public class OptionCoverageTests
{
    private static readonly Type[] PlainTypes = [typeof(string), typeof(Uri), typeof(int), typeof(long), typeof(bool), typeof(TimeSpan)];

    // Objects that only code can give; everything else must be a plain value that configuration can set.
    private static readonly string[] CodeOnly = ["TimeProvider", "LoggerFactory", "DefaultWaitOptions"];

    public static TheoryData<string> PlainOptions() => new(RivyaClientOptions.Plain.Select(o => o.Name));

    [Fact]
    public void Every_option_is_either_a_row_of_the_one_list_or_named_code_only()
    {
        // A new option of another type (an enum, a nullable, a double) must be decided here, not skipped silently.
        var all = typeof(RivyaClientOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        all.Select(p => p.Name).Should().BeEquivalentTo(RivyaClientOptions.Plain.Select(o => o.Name).Concat(CodeOnly));
        RivyaClientOptions.Plain.Should().OnlyContain(o => PlainTypes.Contains(o.Type) && all.Single(p => p.Name == o.Name).PropertyType == o.Type);
        RivyaClientOptions.Plain.Select(o => o.Name).Should().Contain(["ApiKey", "BaseAddress", "MaxRetries", "Timeout", "WarnOnCatalogDrift"]);
    }

    [Theory]
    [MemberData(nameof(PlainOptions))]
    public void Every_plain_option_binds_from_configuration(string name)
    {
        var option = typeof(RivyaClientOptions).GetProperty(name)!;
        var value = DistinctValue(option.PropertyType, option.GetValue(new RivyaClientOptions()));
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rivya:" + name] = Invariant(value) })
            .Build().GetSection("Rivya");
        var options = new RivyaClientOptions();

        ClientOption.BindAll(section, options);

        option.GetValue(options).Should().Be(value, $"configuration key '{name}' must set the option");
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
            text.Should().Contain(name + " = " + Invariant(value), "ToString shows the value set");
        }
    }

    [Fact]
    public void A_configuration_value_that_does_not_parse_names_its_key()
    {
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rivya:MaxRetries"] = "many" })
            .Build().GetSection("Rivya");

        FluentActions.Invoking(() => ClientOption.BindAll(section, new RivyaClientOptions()))
            .Should().Throw<InvalidOperationException>().WithMessage("*'Rivya:MaxRetries'*System.Int32*");
    }

    private static string? Invariant(object value) => Convert.ToString(value, CultureInfo.InvariantCulture);

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
