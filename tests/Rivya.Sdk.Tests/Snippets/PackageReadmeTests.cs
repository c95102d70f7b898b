using System;
using System.IO;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Snippets;

/// <summary>The READMEs shipped in the NuGet packages speak to a package user: no commands that need this repository.</summary>
public sealed class PackageReadmeTests
{
    [Theory]
    [InlineData("src/Rivya.Sdk/README.md")]
    [InlineData("src/Rivya.Sdk.Testing/README.md")]
    public void A_package_readme_has_no_repository_commands(string path)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), path));

        text.Should().NotContain("./test.sh").And.NotContain("dotnet run --project").And.NotContain("samples/")
            .And.NotContain(".ci/").And.NotContain("CONTRIBUTING");
        text.Should().Contain("```csharp", "a package README shows how to use the package");
    }

    [Fact]
    public void The_repository_readme_keeps_the_two_try_from_a_clone_commands_at_the_top()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var top = string.Join("\n", lines, 0, Math.Min(20, lines.Length));

        top.Should().Contain("dotnet run --project samples/Quickstart").And.Contain("./test.sh").And.Contain("CONTRIBUTING.md");
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
