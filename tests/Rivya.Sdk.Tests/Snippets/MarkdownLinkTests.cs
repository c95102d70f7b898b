using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Snippets;

/// <summary>
/// Every relative link of README.md, CONTRIBUTING.md and docs/*.md reaches a file that exists and, when it names a
/// heading (<c>#anchor</c>), a heading of that file, by GitHub's anchor rules.
/// </summary>
public sealed partial class MarkdownLinkTests
{
    [Fact]
    public void Every_link_in_the_user_docs_reaches_an_existing_file_and_heading()
    {
        var root = RepositoryRoot();
        var files = new[] { "README.md", "CONTRIBUTING.md" }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => Path.GetRelativePath(root, f)))
            .ToList();

        var broken = files.SelectMany(f => MarkdownLinks.Broken(f, File.ReadAllText(Path.Combine(root, f)), p => Read(root, p))).ToList();

        files.Should().Contain(Path.Combine("docs", "batches.md"), "the guides live in docs/");
        broken.Should().BeEmpty();
    }

    [Fact]
    public void The_check_finds_a_missing_heading_and_a_missing_file_and_accepts_real_ones()
    {
        var pages = new Dictionary<string, string>
        {
            ["docs/a.md"] = "# Page A\n\n## Against `Fake`: a create-and-wait\n\n## Retry\n\n## Retry\n",
        };
        const string Text = """
            [ok](docs/a.md) [ok](docs/a.md#against-fake-a-create-and-wait) [ok](docs/a.md#retry-1) [ok](https://rivya.ai/x#y)
            [bad heading](docs/a.md#nope) [bad file](docs/missing.md) [bad here](#nowhere) [ok here](#title)
            `[in code](#ignored)`
            ```
            [in a fence](#ignored-too)
            ```
            # Title
            """;

        var broken = MarkdownLinks.Broken("README.md", Text, p => pages.GetValueOrDefault(p.Replace('\\', '/')));

        broken.Should().HaveCount(3);
        broken.Should().Contain(b => b.Contains("docs/a.md#nope")).And.Contain(b => b.Contains("docs/missing.md")).And.Contain(b => b.Contains("#nowhere"));
    }

    private static string? Read(string root, string relative)
    {
        var full = Path.Combine(root, relative);
        return File.Exists(full) ? File.ReadAllText(full) : Directory.Exists(full) ? string.Empty : null;
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
}

/// <summary>Finds Markdown links whose file or heading does not exist.</summary>
internal static partial class MarkdownLinks
{
    /// <param name="file">The Markdown file's path, relative to the repository root.</param>
    /// <param name="text">Its text.</param>
    /// <param name="read">A file's text by repository-relative path, empty for a directory, null when it does not exist.</param>
    public static IEnumerable<string> Broken(string file, string text, Func<string, string?> read)
    {
        var directory = Path.GetDirectoryName(file) ?? string.Empty;
        foreach (var (line, target) in Links(text))
        {
            if (target.StartsWith("http:", StringComparison.Ordinal) || target.StartsWith("https:", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var relative = path.Length == 0 ? file : Path.GetRelativePath(".", Path.Combine(directory, path));
            var linked = path.Length == 0 ? text : read(relative);
            if (linked is null)
            {
                yield return $"{file}:{line}: ({target}): no file {relative}";
            }
            else if (anchor is not null && !Anchors(linked).Contains(anchor))
            {
                yield return $"{file}:{line}: ({target}): no heading #{anchor} in {relative}";
            }
        }
    }

    /// <summary>GitHub's anchors: lower case, punctuation dropped, spaces as hyphens, -1, -2... for repeats.</summary>
    public static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, line) in OutsideFences(markdown))
        {
            var heading = Heading().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var slug = new StringBuilder();
            foreach (var c in heading.Groups[1].Value.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            var anchor = slug.ToString();
            for (var n = 1; !anchors.Add(anchor); n++)
            {
                anchor = slug + "-" + n;
            }
        }

        return anchors;
    }

    private static IEnumerable<(int Line, string Target)> Links(string markdown)
    {
        foreach (var (number, line) in OutsideFences(markdown))
        {
            foreach (Match link in Link().Matches(InlineCode().Replace(line, string.Empty)))
            {
                yield return (number, link.Groups[1].Value);
            }
        }
    }

    private static IEnumerable<(int Number, string Line)> OutsideFences(string markdown)
    {
        var inFence = false;
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence)
            {
                yield return (i + 1, lines[i].TrimEnd('\r'));
            }
        }
    }

    [GeneratedRegex(@"^#{1,6}\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[[^\]]*\]\(([^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex InlineCode();
}
