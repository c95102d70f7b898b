using System;
using System.Collections.Generic;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Configuration;

/// <summary>Checks <see cref="RivyaClientOptions"/>: each <c>Plain</c> row's rule, then what no single option holds.</summary>
internal static class RivyaClientOptionsValidator
{
    /// <summary>Every problem found, one sentence each naming the option; empty when the options are usable. A missing key is not a problem.</summary>
    public static List<string> Validate(RivyaClientOptions options)
    {
        var errors = new List<string>();
        foreach (var option in RivyaClientOptions.Plain)
        {
            if (option.Check(options) is { } problem)
            {
                errors.Add(problem);
            }
        }

        // The key read from the environment goes in every request's headers too: a CR/LF there would split the request.
        if (string.IsNullOrWhiteSpace(options.ApiKey) && options.ResolveApiKey() is { } fromEnvironment
            && HeaderValues.Problem("The " + RivyaClientOptions.ApiKeyEnvironmentVariable + " environment variable", fromEnvironment) is { } environmentProblem)
        {
            errors.Add(environmentProblem);
        }

        if (options.TimeProvider is null)
        {
            errors.Add("TimeProvider is required (use TimeProvider.System).");
        }

        return errors;
    }

    /// <exception cref="ArgumentException">The options are not usable; the message lists why.</exception>
    public static void ThrowIfInvalid(RivyaClientOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid RivyaClientOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <summary>The rule of <see cref="RivyaClientOptions.ApiKey"/> as given (null or empty means "read the environment").</summary>
    public static string? ApiKeyProblem(string? given)
    {
        if (string.IsNullOrEmpty(given))
        {
            return null;
        }

        // Only spaces or line breaks is a paste gone wrong, refused rather than silently replaced by the environment's key.
        return string.IsNullOrWhiteSpace(given)
            ? "ApiKey is only whitespace: give the key itself, or leave ApiKey unset to read " + RivyaClientOptions.ApiKeyEnvironmentVariable + "."
            : HeaderValues.Problem("ApiKey", given!.Trim());
    }
}
