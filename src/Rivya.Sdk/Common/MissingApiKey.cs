using System;

namespace Rivya.Sdk.Common;

/// <summary>The one wording of "a call needs a key and none is configured", thrown before anything is sent.</summary>
internal static class MissingApiKey
{
    /// <summary>Where a key is read from when the options give none (<c>RivyaClientOptions.ApiKeyEnvironmentVariable</c>).</summary>
    public const string EnvironmentVariable = "RIVYA_API_KEY";

    public static InvalidOperationException Exception() =>
        new($"No Rivya API key: set RivyaClientOptions.ApiKey or the {EnvironmentVariable} environment variable. Nothing was sent.");
}
