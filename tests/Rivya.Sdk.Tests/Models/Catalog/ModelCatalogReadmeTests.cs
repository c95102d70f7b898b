using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Models.Catalog;

/// <summary>
/// The model table of docs/models-and-validation.md is the only other place options and defaults are
/// written for users; it must say what the catalogue says, row for row.
/// </summary>
public class ModelCatalogReadmeTests
{
    // | `kling-2-6` (`Kling26Params`) | 55 | 1000 | `Duration` (`duration`) | 5, 10 | 5 |   or   | | | | `Sound` (`sound`) | ... |
    private static readonly Regex Row = new(
        @"^\|\s*(?:`(?<id>[^`]+)`\s*\(`(?<record>[^`]+)`\))?\s*\|\s*(?<credits>\d*)\s*\|\s*(?<prompt>\d*)\s*\|\s*`(?<property>[^`]+)`\s*\(`(?<key>[^`]+)`\)\s*\|\s*(?<options>[^|]+?)\s*\|\s*(?<default>[^|]+?)\s*\|\s*$",
        RegexOptions.CultureInvariant);

    [Fact]
    public void Every_catalogue_entry_is_in_the_readme_table_as_the_catalogue_says()
    {
        var rows = ReadRows();

        rows.Select(r => r.ModelId).Distinct().Should().BeEquivalentTo(ModelCatalog.All.Select(m => m.Id));
        foreach (var model in ModelCatalog.All)
        {
            var modelRows = rows.Where(r => r.ModelId == model.Id).ToList();
            var record = CatalogRecords.New(CatalogRecords.SdkRecordTypes.Single(t => CatalogRecords.New(t).Definition == model));

            modelRows[0].Record.Should().Be(record.GetType().Name);
            modelRows[0].Credits.Should().Be(model.BaseCredits.ToString(CultureInfo.InvariantCulture), model.Id);
            modelRows[0].PromptMax.Should().Be(model.MaxPromptLength.ToString(CultureInfo.InvariantCulture), model.Id);
            modelRows.Select(r => r.Key).Should().Equal(model.Parameters.Select(p => p.WireKey), $"{model.Id}'s rows list its parameters in order");
            foreach (var row in modelRows)
            {
                var parameter = model.FindParameter(row.Key)!;
                var because = $"{model.Id} {row.Key}";
                row.Property.Should().Be(parameter.PropertyName, because);
                row.Default.Should().Be(parameter.DefaultValue ?? "-", because);
                CheckOptions(row.Options, parameter, because);
            }
        }
    }

    private static void CheckOptions(string text, ModelParameter parameter, string because)
    {
        switch (parameter.Kind)
        {
            case ModelParameterKind.Text:
                text.Should().Be("any text", because);
                break;
            case ModelParameterKind.Number:
                text.Should().Be(FormattableString.Invariant($"number, {parameter.Minimum} to {parameter.Maximum} inclusive"), because);
                break;
            default:
                // "3, 4, 5, ... 15" abbreviates a long list: the listed head and the last option must match.
                var parts = text.Split(',').Select(p => p.Trim()).ToList();
                var ellipsis = parts.FindIndex(p => p.StartsWith("...", StringComparison.Ordinal));
                if (ellipsis < 0)
                {
                    parts.Should().Equal(parameter.Options, because);
                }
                else
                {
                    parts.Take(ellipsis).Should().Equal(parameter.Options.Take(ellipsis), because);
                    parts[ellipsis].TrimStart('.', ' ').Should().Be(parameter.Options[^1], because);
                }

                break;
        }
    }

    private static List<ReadmeRow> ReadRows()
    {
        var rows = new List<ReadmeRow>();
        ReadmeRow? model = null;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "models-and-validation.md")))
        {
            var match = Row.Match(line);
            if (!match.Success)
            {
                continue;
            }

            var row = new ReadmeRow(
                match.Groups["id"].Success ? match.Groups["id"].Value : model?.ModelId ?? throw new InvalidOperationException("A parameter row before any model row: " + line),
                match.Groups["record"].Value,
                match.Groups["credits"].Value,
                match.Groups["prompt"].Value,
                match.Groups["property"].Value,
                match.Groups["key"].Value,
                match.Groups["options"].Value,
                match.Groups["default"].Value);
            model = match.Groups["id"].Success ? row : model;
            rows.Add(row);
        }

        rows.Should().NotBeEmpty("docs/models-and-validation.md holds the model table");
        return rows;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Rivya.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Rivya.Sdk.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed record ReadmeRow(string ModelId, string Record, string Credits, string PromptMax, string Property, string Key, string Options, string Default);
}
