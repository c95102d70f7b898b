using Microsoft.Extensions.Options;
using Rivya.Sdk.Common;
using Rivya.Sdk.Configuration;

namespace Rivya.Sdk.DependencyInjection;

/// <summary>
/// Start-up validation of one registration's options (<c>ValidateOnStart</c>): a bad address or a missing key fails
/// the host before the first call, naming the setting to fix (the section's key, e.g. <c>Rivya:ApiKey</c>)
/// and <c>RIVYA_API_KEY</c>. Also the mark one <c>AddRivyaClient</c> call leaves, so a second call for the same
/// <see cref="Name"/> is refused.
/// </summary>
internal sealed class RivyaClientOptionsValidation(string name, string keySetting) : IValidateOptions<RivyaClientOptions>
{
    /// <summary>The client's name; empty for the unnamed client.</summary>
    public string Name { get; } = name;

    public ValidateOptionsResult Validate(string? name, RivyaClientOptions options)
    {
        if (!string.Equals(name ?? Options.DefaultName, Name, System.StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = RivyaClientOptionsValidator.Validate(options);
        if (options.ResolveApiKey() is null)
        {
            errors.Add($"No API key: set {keySetting} or the {MissingApiKey.EnvironmentVariable} environment variable.");
        }

        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.ConvertAll(e => (Name.Length == 0 ? "Rivya: " : $"Rivya client '{Name}': ") + e));
    }
}
