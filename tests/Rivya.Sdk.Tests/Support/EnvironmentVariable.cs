using System;
using Xunit;

namespace Rivya.Sdk.Tests.Support;

/// <summary>Tests that set <c>RIVYA_API_KEY</c> run alone: the variable is process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ApiKeyEnvironmentTests
{
    public const string Name = "RIVYA_API_KEY environment";
}

/// <summary>Sets an environment variable for one test and restores its previous value.</summary>
public sealed class EnvironmentVariable : IDisposable
{
    private readonly string _name;
    private readonly string? _previous;

    private EnvironmentVariable(string name, string? value)
    {
        _name = name;
        _previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public static EnvironmentVariable Set(string name, string? value) => new(name, value);

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
}
