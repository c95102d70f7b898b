using System;
using System.Collections.Generic;
using System.Threading;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Configuration;

/// <summary>Checks <see cref="RivyaClientOptions"/>; used by the client's constructor and by DI start-up validation.</summary>
internal static class RivyaClientOptionsValidator
{
    /// <summary>Every problem found; empty when the options are usable. A missing key is not a problem.</summary>
    public static List<string> Validate(RivyaClientOptions options)
    {
        var errors = new List<string>();
        if (BaseAddressRules.Check(options.BaseAddress) is { } addressProblem)
        {
            errors.Add(addressProblem);
        }

        if (options.MaxRetries < 0)
        {
            errors.Add($"MaxRetries must be 0 or more; got {options.MaxRetries}.");
        }

        CheckTimeout(errors, nameof(options.Timeout), options.Timeout);
        CheckTimeout(errors, nameof(options.UploadTimeout), options.UploadTimeout);
        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add($"MaxRetryAfter must not be negative; got {options.MaxRetryAfter}.");
        }

        if (options.MaxConnectionsPerServer < 1)
        {
            errors.Add($"MaxConnectionsPerServer must be 1 or more; got {options.MaxConnectionsPerServer}.");
        }

        if (options.MaxResponseBodySize <= 0)
        {
            errors.Add($"MaxResponseBodySize must be positive; got {options.MaxResponseBodySize}.");
        }

        // An empty ApiKey means "not set" (the environment variable is read); one of only spaces or line breaks is a
        // paste gone wrong, refused rather than silently replaced by the environment's key.
        if (options.ApiKey is { Length: > 0 } given && string.IsNullOrWhiteSpace(given))
        {
            errors.Add("ApiKey is only whitespace: give the key itself, or leave ApiKey unset to read " + RivyaClientOptions.ApiKeyEnvironmentVariable + ".");
        }

        // The key and the User-Agent suffix go in every request's headers: a CR/LF there would split the request.
        var key = options.ResolveApiKey();
        var keySource = string.IsNullOrWhiteSpace(options.ApiKey) ? "The " + RivyaClientOptions.ApiKeyEnvironmentVariable + " environment variable" : "ApiKey";
        if (key is not null && HeaderValues.Problem(keySource, key) is { } keyProblem)
        {
            errors.Add(keyProblem);
        }

        if (!string.IsNullOrWhiteSpace(options.UserAgent) && HeaderValues.Problem("UserAgent", options.UserAgent) is { } agentProblem)
        {
            errors.Add(agentProblem);
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

    private static void CheckTimeout(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{name} must be positive or Timeout.InfiniteTimeSpan; got {value}.");
        }
    }
}
