namespace Rivya.Sdk.DependencyInjection;

/// <summary>The marker one <c>AddRivyaClient</c> call leaves in the service collection, so a second call for the same name is refused.</summary>
internal sealed class RivyaRegistration
{
    public RivyaRegistration(string name) => Name = name;

    /// <summary>The client's name; empty for the unnamed client.</summary>
    public string Name { get; }
}
