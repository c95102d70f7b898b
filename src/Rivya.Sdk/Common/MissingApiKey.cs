using System;

namespace Rivya.Sdk.Common;

/// <summary>The one wording of "a call needs a key and none is configured", thrown before anything is sent.</summary>
internal static class MissingApiKey
{
    public static InvalidOperationException Exception() =>
        new($"No Rivya API key: set RivyaClientOptions.ApiKey or the {RivyaClientOptions.ApiKeyEnvironmentVariable} environment variable. Nothing was sent.");
}
