using Microsoft.Extensions.Options;
using Rivya.Sdk.Configuration;

namespace Rivya.Sdk.DependencyInjection;

/// <summary>Start-up validation of the registered options: a bad address fails the host before the first call.</summary>
internal sealed class RivyaClientOptionsValidation : IValidateOptions<RivyaClientOptions>
{
    public ValidateOptionsResult Validate(string? name, RivyaClientOptions options)
    {
        var errors = RivyaClientOptionsValidator.Validate(options);
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.ConvertAll(static e => "Rivya: " + e));
    }
}
