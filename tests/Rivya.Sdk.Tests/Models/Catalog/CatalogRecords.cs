using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace Rivya.Sdk.Tests.Models.Catalog;

/// <summary>
/// Finds the SDK's typed parameter records and drives their properties from catalogue values, so a test about
/// "every model" walks whatever the catalogue and the records hold instead of a hard-coded list of ids.
/// </summary>
internal static class CatalogRecords
{
    /// <summary>Every typed record in the SDK (not <see cref="RawModelParams"/>), found by reflection so a new one is walked too.</summary>
    public static IReadOnlyList<Type> SdkRecordTypes { get; } = typeof(ModelParams).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ModelParams)) && !t.IsAbstract && t != typeof(RawModelParams))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    public static Type SdkRecordType(string name) => SdkRecordTypes.Single(t => t.Name == name);

    /// <summary>The names of <see cref="SdkRecordTypes"/>, as theory data for a test about every model.</summary>
    public static IEnumerable<string> SdkRecordNames => SdkRecordTypes.Select(t => t.Name);

    /// <summary>A record with every parameter set to its server default, or its first allowed value when none is documented.</summary>
    public static ModelParams Full(Type recordType)
    {
        var record = New(recordType);
        var entry = record.Definition!;
        foreach (var property in ParameterProperties(recordType))
        {
            var parameter = entry.ParameterFor(property.Name);
            property.SetValue(record, ToPropertyValue(property.PropertyType, parameter.DefaultValue ?? AllowedValues(parameter).First()));
        }

        return record;
    }

    public static ModelParams New(Type recordType) => (ModelParams)Activator.CreateInstance(recordType, nonPublic: true)!;

    /// <summary>The properties a record adds for its model's params: publicly settable, declared on the record.</summary>
    public static PropertyInfo[] ParameterProperties(Type recordType) =>
        recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.SetMethod is { IsPublic: true })
            .ToArray();

    /// <summary>A fresh record with only <paramref name="property"/> set to the wire value <paramref name="wireValue"/>.</summary>
    public static ModelParams With(Type recordType, PropertyInfo property, string wireValue)
    {
        var record = New(recordType);
        property.SetValue(record, ToPropertyValue(property.PropertyType, wireValue));
        return record;
    }

    /// <summary>The typed form of a catalogue value: an int, bool, double, string or extensible value (built from its wire string).</summary>
    public static object ToPropertyValue(Type propertyType, string wireValue)
    {
        var type = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        if (type == typeof(int))
        {
            return int.Parse(wireValue, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        if (type == typeof(bool))
        {
            return bool.Parse(wireValue);
        }

        if (type == typeof(double))
        {
            return double.Parse(wireValue, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return type == typeof(string) ? wireValue : Activator.CreateInstance(type, wireValue)!;
    }

    /// <summary>Values the catalogue allows for <paramref name="parameter"/>, in wire form.</summary>
    public static IEnumerable<string> AllowedValues(ModelParameter parameter) => parameter.Kind switch
    {
        ModelParameterKind.Select => parameter.Options,
        ModelParameterKind.Number =>
        [
            parameter.Minimum!.Value.ToString(CultureInfo.InvariantCulture),
            parameter.Maximum!.Value.ToString(CultureInfo.InvariantCulture),
            parameter.DefaultValue ?? parameter.Minimum!.Value.ToString(CultureInfo.InvariantCulture),
        ],
        _ => ["any text, in any language: ทดสอบ"],
    };

    /// <summary>Values the catalogue refuses that the property's type can still hold, in wire form (none for a bool or free text).</summary>
    public static IEnumerable<string> RefusedValues(ModelParameter parameter, Type propertyType)
    {
        var type = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        if (parameter.Kind == ModelParameterKind.Number)
        {
            yield return (parameter.Maximum!.Value + 1).ToString(CultureInfo.InvariantCulture);
            yield return (parameter.Minimum!.Value - 1).ToString(CultureInfo.InvariantCulture);
        }
        else if (parameter.Kind == ModelParameterKind.Select && type == typeof(int))
        {
            yield return (parameter.Options.Select(o => int.Parse(o, CultureInfo.InvariantCulture)).Max() + 1).ToString(CultureInfo.InvariantCulture);
        }
        else if (parameter.Kind == ModelParameterKind.Select && type != typeof(bool))
        {
            yield return "not-an-option";
        }
    }
}
