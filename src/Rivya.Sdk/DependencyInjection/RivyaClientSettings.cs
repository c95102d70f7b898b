using System;
using Rivya.Sdk.Configuration;

namespace Rivya.Sdk.DependencyInjection;

/// <summary>
/// The configuration-bindable part of <see cref="RivyaClientOptions"/> (plain values only), so binding runs through
/// the configuration binding source generator with no reflection and never touches TimeProvider or ILoggerFactory.
/// </summary>
internal sealed class RivyaClientSettings
{
    public string? ApiKey { get; set; }

    public Uri? BaseAddress { get; set; }

    public int? MaxRetries { get; set; }

    public TimeSpan? Timeout { get; set; }

    public TimeSpan? UploadTimeout { get; set; }

    public TimeSpan? MaxRetryAfter { get; set; }

    public long? MaxResponseBodySize { get; set; }

    public string? UserAgent { get; set; }

    public int? MaxConnectionsPerServer { get; set; }

    public bool? WarnOnCatalogDrift { get; set; }

    public void ApplyTo(RivyaClientOptions options)
    {
        options.ApiKey = ApiKey ?? options.ApiKey;
        options.BaseAddress = BaseAddress ?? options.BaseAddress;
        options.MaxRetries = MaxRetries ?? options.MaxRetries;
        options.Timeout = Timeout ?? options.Timeout;
        options.UploadTimeout = UploadTimeout ?? options.UploadTimeout;
        options.MaxRetryAfter = MaxRetryAfter ?? options.MaxRetryAfter;
        options.MaxResponseBodySize = MaxResponseBodySize ?? options.MaxResponseBodySize;
        options.UserAgent = UserAgent ?? options.UserAgent;
        options.MaxConnectionsPerServer = MaxConnectionsPerServer ?? options.MaxConnectionsPerServer;
        options.WarnOnCatalogDrift = WarnOnCatalogDrift ?? options.WarnOnCatalogDrift;
    }
}
