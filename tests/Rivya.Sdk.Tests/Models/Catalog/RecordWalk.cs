using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace Rivya.Sdk.Tests.Models.Catalog;

/// <summary>
/// Walks one typed record against its catalogue entry: every catalogue parameter is settable through exactly one
/// property and reaches the wire under its key in its documented form; every property is a catalogue parameter; the
/// SDK's validation accepts every allowed value and refuses every refused one at that key. Given the fake server's
/// validator (tests under FakeServer/, which the netstandard leg does not build), it must agree on each value too.
/// </summary>
internal static class RecordWalk
{
    public static void Check(Type recordType, ModelDefinition entry, Func<GenerationRequest, IReadOnlyList<string>>? fakeErrors = null)
    {
        var empty = CatalogRecords.New(recordType);
        empty.ModelId.Should().Be(entry.Id, "a record sends its entry's id");
        empty.Definition.Should().BeSameAs(entry, "a record validates with its own entry");
        Wire.Params(Wire.Request(empty)).Should().BeEmpty("an unset property is not sent, so the server default applies");

        var reached = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in CatalogRecords.ParameterProperties(recordType))
        {
            var key = KeyOf(recordType, property, entry);
            reached.Should().NotContainKey(key, $"{property.Name} and another property both write '{key}'");
            reached[key] = property.Name;
            var parameter = entry.FindParameter(key)!;

            foreach (var value in CatalogRecords.AllowedValues(parameter))
            {
                CheckAllowed(recordType, property, parameter, value, fakeErrors);
            }

            foreach (var value in CatalogRecords.RefusedValues(parameter, property.PropertyType))
            {
                CheckRefused(recordType, property, parameter, value, fakeErrors);
            }
        }

        reached.Keys.Should().BeEquivalentTo(
            entry.Parameters.Select(p => p.WireKey),
            $"every parameter of {entry.Id} must be settable through a typed property (AdditionalParams refuses documented keys)");
    }

    /// <summary>The single wire key a property writes, which must be a parameter of the entry.</summary>
    private static string KeyOf(Type recordType, System.Reflection.PropertyInfo property, ModelDefinition entry)
    {
        var sample = property.PropertyType == typeof(string) ? "x" : FirstAllowedForType(property, entry);
        var written = Wire.Params(Wire.Request(CatalogRecords.With(recordType, property, sample)));
        var key = written.Should().ContainSingle($"{recordType.Name}.{property.Name} writes one key").Subject.Key;
        entry.FindParameter(key).Should().NotBeNull($"{recordType.Name}.{property.Name} writes '{key}', which {entry.Id}'s catalogue entry does not list");
        return key;
    }

    // Any value of the property's type taken from the entry; the key the record writes tells which parameter it is.
    private static string FirstAllowedForType(System.Reflection.PropertyInfo property, ModelDefinition entry)
    {
        foreach (var parameter in entry.Parameters)
        {
            foreach (var value in CatalogRecords.AllowedValues(parameter))
            {
                try
                {
                    CatalogRecords.ToPropertyValue(property.PropertyType, value);
                    return value;
                }
                catch (FormatException)
                {
                    // Not a value of this property's type ("16:9" for an int): try the next.
                }
            }
        }

        throw new InvalidOperationException($"{property.Name} matches no parameter of {entry.Id}'s catalogue entry.");
    }

    private static void CheckAllowed(Type recordType, System.Reflection.PropertyInfo property, ModelParameter parameter, string value, Func<GenerationRequest, IReadOnlyList<string>>? fakeErrors)
    {
        var request = Wire.Request(CatalogRecords.With(recordType, property, value));
        var because = $"{property.Name} = {value} is allowed by the catalogue";

        request.Validate().Should().BeEmpty(because);
        var written = Wire.Params(request)[parameter.WireKey];
        written.Should().NotBeNull(because);
        switch (parameter.Kind)
        {
            case ModelParameterKind.Number:
                written!.GetValueKind().Should().Be(JsonValueKind.Number, because);
                written.GetValue<double>().Should().Be(double.Parse(value, CultureInfo.InvariantCulture), because);
                break;
            default:
                // Selects travel as JSON strings, in their documented spelling, even when they look like numbers.
                written!.GetValueKind().Should().Be(JsonValueKind.String, because);
                written.GetValue<string>().Should().Be(value, because);
                break;
        }

        fakeErrors?.Invoke(request).Should().BeEmpty($"the fake server accepts what the SDK accepts ({because})");
    }

    private static void CheckRefused(Type recordType, System.Reflection.PropertyInfo property, ModelParameter parameter, string value, Func<GenerationRequest, IReadOnlyList<string>>? fakeErrors)
    {
        var request = Wire.Request(CatalogRecords.With(recordType, property, value));
        var because = $"{property.Name} = {value} is outside the catalogue's rules";

        request.Validate().Select(e => e.Path).Should().Equal(["params." + parameter.WireKey], because);
        if (fakeErrors is not null)
        {
            fakeErrors(request).Should().ContainSingle(because).Which.Should().StartWith("params." + parameter.WireKey + ":");
        }
    }
}
