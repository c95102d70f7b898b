using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Models.Catalog;

/// <summary>The catalogue is one read-only list; what only the fake needs is not public API.</summary>
public class CatalogShapeTests
{
    [Fact]
    public void Named_entries_are_the_list_entries_themselves()
    {
        new[] { ModelCatalog.KlingV21Master, ModelCatalog.Kling26, ModelCatalog.Kling30, ModelCatalog.KlingV25TurboPro }
            .Should().Equal(ModelCatalog.All, (named, listed) => ReferenceEquals(named, listed));
        ModelCatalog.All.Select(m => m.Id).Should().OnlyHaveUniqueItems();
        ModelCatalog.All.Should().OnlyContain(m => ReferenceEquals(ModelCatalog.Find(m.Id), m));
    }

    public static TheoryData<string> RuleLists() => new(RuleListsByName().Keys);

    [Theory]
    [MemberData(nameof(RuleLists))]
    public void Rule_lists_cannot_be_cast_back_and_changed(string name)
    {
        var list = RuleListsByName()[name]();

        list.Should().NotBeAssignableTo<Array>($"{name} must not be a view over the SDK's own array");
        if (list is System.Collections.IList mutable)
        {
            mutable.IsReadOnly.Should().BeTrue(name);
            FluentActions.Invoking(() => mutable[0] = mutable[0]).Should().Throw<NotSupportedException>(name);
        }
    }

    // ModelParameter.IsAllowed is public since the rivya command line checks --param values with it (issue 20).
    [Theory]
    [InlineData(typeof(ReferenceRules), nameof(ReferenceRules.SecondImageIsLastFrame))]
    public void Members_only_the_fake_needs_are_internal(Type type, string member)
    {
        type.GetMember(member, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Should().BeEmpty();
        type.GetMember(member, BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData(typeof(MediaSignature))]
    [InlineData(typeof(FileKindRules))]
    public void Types_only_the_fake_needs_are_internal(Type type)
    {
        type.IsPublic.Should().BeFalse();
        typeof(ModelParams).Assembly.GetExportedTypes().Should().NotContain(type);
    }

    private static Dictionary<string, Func<System.Collections.IEnumerable>> RuleListsByName()
    {
        var lists = new Dictionary<string, Func<System.Collections.IEnumerable>>
        {
            ["ModelCatalog.All"] = () => ModelCatalog.All,
            ["FileKindRules.Image.MimeTypes"] = () => FileKindRules.Image.MimeTypes,
        };
        foreach (var model in ModelCatalog.All)
        {
            lists[$"{model.Id}.Parameters"] = () => model.Parameters;
            lists[$"{model.Id}.References.AllowedKinds"] = () => model.References.AllowedKinds;
            lists[$"{model.Id}.References.AllowedMimeTypes"] = () => model.References.AllowedMimeTypes;
            foreach (var parameter in model.Parameters.Where(p => p.Kind == ModelParameterKind.Select))
            {
                lists[$"{model.Id}.{parameter.WireKey}.Options"] = () => parameter.Options;
            }
        }

        return lists;
    }
}
