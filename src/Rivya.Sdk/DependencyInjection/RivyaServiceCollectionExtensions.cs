using System;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rivya.Sdk;
using Rivya.Sdk.Common;
using Rivya.Sdk.DependencyInjection;
using Rivya.Sdk.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="RivyaClient"/> and its sub-clients (<see cref="GenerationsClient"/>, <see cref="FilesClient"/>,
/// <see cref="CreditsClient"/>, <see cref="ModelsClient"/>) with dependency injection, on <c>IHttpClientFactory</c>.
/// One client is shared by every scope (its handlers still rotate once per handler lifetime), so resolving it costs
/// nothing.
/// </summary>
public static class RivyaServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> the client is built on.</summary>
    public const string HttpClientName = "Rivya.Sdk";

    /// <summary>
    /// Registers <see cref="RivyaClient"/> with options bound from <paramref name="configuration"/> (e.g.
    /// <c>configuration.GetSection("Rivya")</c>, keys <c>ApiKey</c>, <c>BaseAddress</c>, <c>MaxRetries</c>,
    /// <c>Timeout</c>, <c>UploadTimeout</c>, <c>MaxRetryAfter</c>, <c>MaxResponseBodySize</c>, <c>UserAgent</c>, <c>MaxConnectionsPerServer</c>, <c>WarnOnCatalogDrift</c>). Options are validated when the
    /// host starts: a missing key is allowed (then <c>RIVYA_API_KEY</c> is read), a non-https non-loopback address is not.
    /// </summary>
    /// <returns>The HTTP client builder, to add handlers (e.g. <c>.AddHttpMessageHandler(...)</c>).</returns>
    public static IHttpClientBuilder AddRivyaClient(this IServiceCollection services, IConfiguration configuration)
    {
        Guard.NotNull(services);
        Guard.NotNull(configuration);
        return AddRivyaClientCore(services, options =>
        {
            var settings = configuration.Get<RivyaClientSettings>();
            settings?.ApplyTo(options);
        });
    }

    /// <summary>Registers <see cref="RivyaClient"/> with options set by <paramref name="configure"/>; validated when the host starts.</summary>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddRivyaClient(this IServiceCollection services, Action<RivyaClientOptions> configure)
    {
        Guard.NotNull(services);
        Guard.NotNull(configure);
        return AddRivyaClientCore(services, configure);
    }

    private static IHttpClientBuilder AddRivyaClientCore(IServiceCollection services, Action<RivyaClientOptions> configure)
    {
        services.AddOptions<RivyaClientOptions>()
            .Configure<IServiceProvider>((options, provider) =>
            {
                // From the container first, so the user's configure callback can still override them.
                options.TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System;
                options.LoggerFactory = provider.GetService<ILoggerFactory>();
                configure(options);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RivyaClientOptions>, RivyaClientOptionsValidation>());

        // One client per registration, shared by every scope (see RivyaClientSource); the sub-clients resolve from it,
        // so a service can take just the part it uses (and a test can mock just that part).
        services.TryAddSingleton<RivyaClientSource>();
        services.TryAddSingleton(static provider => provider.GetRequiredService<RivyaClientSource>().Client);
        services.TryAddSingleton(static provider => provider.GetRequiredService<RivyaClient>().Generations);
        services.TryAddSingleton(static provider => provider.GetRequiredService<RivyaClient>().Files);
        services.TryAddSingleton(static provider => provider.GetRequiredService<RivyaClient>().Credits);
        services.TryAddSingleton(static provider => provider.GetRequiredService<RivyaClient>().Models);

        return services
            .AddHttpClient(HttpClientName)
            // The SDK's per-attempt timeouts govern; the factory's 100 s default would cut long uploads silently.
            .ConfigureHttpClient(static httpClient => httpClient.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static provider => RivyaHttpHandler.Create(provider.GetRequiredService<IOptions<RivyaClientOptions>>().Value))
            // The SDK never follows a redirect: it would re-send a create's body and headers to wherever it points. Applied
            // to whatever primary handler is in place, so a caller's own handler gets it too.
            .ConfigurePrimaryHttpMessageHandler(static (handler, _) => RedirectRule.TurnOff(handler))
            // No cookies either, on whatever primary handler: they would cross from the API to a CDN and back.
            .ConfigurePrimaryHttpMessageHandler(static (handler, _) => NoCookies.TurnOff(handler))
            // The SDK logs every attempt itself (scrubbed of the key); the factory's two logging handlers would log each
            // request again and cost some 300 bytes per call. .AddDefaultLogger() on the returned builder brings them back.
            .RemoveAllLoggers();
    }
}
