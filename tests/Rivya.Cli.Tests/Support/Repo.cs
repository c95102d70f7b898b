using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Rivya.Cli.Tests.Support;

/// <summary>Where the built programs are: rivya and FakeRivyaHost, from their own bin folders (same configuration as the tests).</summary>
internal static class Repo
{
    public static readonly string Root = FindRoot();

    public static readonly string Configuration =
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Configuration").Value!;

    public static string RivyaDll => Path.Combine(Root, "src", "Rivya.Cli", "bin", Configuration, "net10.0", "rivya.dll");

    public static string FakeHostDll => Path.Combine(Root, "samples", "FakeRivyaHost", "bin", Configuration, "net10.0", "FakeRivyaHost.dll");

    /// <summary>The dotnet host that runs these tests (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rivya.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Rivya.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
