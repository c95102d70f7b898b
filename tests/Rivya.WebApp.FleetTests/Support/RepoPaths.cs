namespace Rivya.WebApp.FleetTests.Support;

/// <summary>Where the built programs are: the same configuration (Debug/Release) as this test assembly.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The built <c>samples/{name}/bin/{configuration}/net10.0/{name}.dll</c>.</summary>
    public static string SampleDll(string name)
    {
        // This assembly is in tests/Rivya.WebApp.FleetTests/bin/{configuration}/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(Root, "samples", name, "bin", configuration, "net10.0", name + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built (this project references it, so a build of the tests builds it).");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rivya.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Rivya.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
