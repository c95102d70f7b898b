using System;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rivya.Sdk;
using Rivya.Sdk.Common;
using Rivya.Sdk.Configuration;
using Rivya.Sdk.DependencyInjection;
using Rivya.Sdk.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="RivyaClient"/> and its sub-clients (<see cref="GenerationsClient"/>, <see cref="FilesClient"/>,
/// <see cref="CreditsClient"/>, <see cref="ModelsClient"/>) with dependency injection, on <c>IHttpClientFactory</c>.
/// One client is shared by every scope (its handlers still rotate once per handler lifetime), so resolving it costs
/// nothing. One unnamed client per container; more clients (two accounts, two regions) are registered by name and
/// resolved as keyed services (<c>[FromKeyedServices("eu")] RivyaClient</c>).
/// </summary>
public static class RivyaServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> the unnamed client is built on; a named client's is <c>Rivya.Sdk:</c> and its name.</summary>
    public const string HttpClientName = "Rivya.Sdk";

    /// <summary>
    /// Registers <see cref="RivyaClient"/> with options bound from <paramref name="configuration"/> (e.g.
    /// <c>configuration.GetSection("Rivya")</c>): each key is the name of a plain-value property of
    /// <see cref="RivyaClientOptions"/> (a string, number, flag, <c>TimeSpan</c> such as <c>00:00:30</c>, or address:
    /// the settings its <c>ToString()</c> shows, e.g. <c>ApiKey</c>, <c>BaseAddress</c>, <c>Timeout</c>); the clock, the
    /// logger factory and the wait defaults are set in code. A value that does not parse throws
    /// <see cref="InvalidOperationException"/> when the options are first read. Options are validated when the
    /// host starts: a missing key (neither <c>Rivya:ApiKey</c>, named from the section's path, nor <c>RIVYA_API_KEY</c>)
    /// and a non-https non-loopback address fail the start with <see cref="OptionsValidationException"/>.
    /// </summary>
    /// <returns>The HTTP client builder, to add handlers (e.g. <c>.AddHttpMessageHandler(...)</c>).</returns>
    /// <exception cref="InvalidOperationException">An unnamed client is already registered: configure it in one call, or give this one a name.</exception>
    public static IHttpClientBuilder AddRivyaClient(this IServiceCollection services, IConfiguration configuration) =>
        AddRivyaClient(services, Options.Options.DefaultName, configuration);

    /// <summary>Registers <see cref="RivyaClient"/> with options set by <paramref name="configure"/>; validated when the host starts (as the other overload).</summary>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    /// <exception cref="InvalidOperationException">An unnamed client is already registered: configure it in one call, or give this one a name.</exception>
    public static IHttpClientBuilder AddRivyaClient(this IServiceCollection services, Action<RivyaClientOptions> configure) =>
        AddRivyaClient(services, Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers a second (third...) <see cref="RivyaClient"/> under <paramref name="name"/>, with options bound from
    /// <paramref name="configuration"/> (e.g. <c>configuration.GetSection("RivyaEu")</c>); resolve it with
    /// <c>[FromKeyedServices("eu")] RivyaClient</c> (its sub-clients are keyed by the same name). Validated when the host starts.
    /// </summary>
    /// <returns>The HTTP client builder of this client, to add handlers.</returns>
    /// <exception cref="InvalidOperationException">A client named <paramref name="name"/> is already registered.</exception>
    public static IHttpClientBuilder AddRivyaClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        Guard.NotNull(services);
        Guard.NotNull(name);
        Guard.NotNull(configuration);
        var keySetting = (configuration is IConfigurationSection section ? section.Path + ":" : string.Empty) + "ApiKey";
        return AddRivyaClientCore(services, name, keySetting, options => ClientOption.BindAll(configuration, options));
    }

    /// <summary>Registers a <see cref="RivyaClient"/> under <paramref name="name"/> with options set by <paramref name="configure"/>; resolve it with <c>[FromKeyedServices(name)]</c>.</summary>
    /// <returns>The HTTP client builder of this client, to add handlers.</returns>
    /// <exception cref="InvalidOperationException">A client named <paramref name="name"/> is already registered.</exception>
    public static IHttpClientBuilder AddRivyaClient(this IServiceCollection services, string name, Action<RivyaClientOptions> configure)
    {
        Guard.NotNull(services);
        Guard.NotNull(name);
        Guard.NotNull(configure);
        return AddRivyaClientCore(services, name, "RivyaClientOptions.ApiKey", configure);
    }

    private static IHttpClientBuilder AddRivyaClientCore(IServiceCollection services, string name, string keySetting, Action<RivyaClientOptions> configure)
    {
        ThrowIfRegistered(services, name);
        var httpClientName = name.Length == 0 ? HttpClientName : HttpClientName + ":" + name;

        services.AddOptions<RivyaClientOptions>(name)
            .Configure<IServiceProvider>((options, provider) =>
            {
                // From the container first, so the user's configure callback can still override them.
                options.TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System;
                options.LoggerFactory = provider.GetService<ILoggerFactory>();
                options.MeterFactory = provider.GetService<IMeterFactory>();
                configure(options);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RivyaClientOptions>>(new Registration(name, keySetting));

        // One client per registration, shared by every scope (see RivyaClientSource); the sub-clients resolve from it,
        // so a service can take just the part it uses (and a test can mock just that part). The unnamed client is
        // registered under the null key, which is a plain (not keyed) service.
        var serviceKey = name.Length == 0 ? null : name;
        services.AddKeyedSingleton(serviceKey, (provider, _) => new RivyaClientSource(provider, name, httpClientName));
        services.AddKeyedSingleton(serviceKey, static (provider, key) => Resolve<RivyaClientSource>(provider, key).Client);
        services.AddKeyedSingleton(serviceKey, static (provider, key) => Resolve<RivyaClient>(provider, key).Generations);
        services.AddKeyedSingleton(serviceKey, static (provider, key) => Resolve<RivyaClient>(provider, key).Files);
        services.AddKeyedSingleton(serviceKey, static (provider, key) => Resolve<RivyaClient>(provider, key).Credits);
        services.AddKeyedSingleton(serviceKey, static (provider, key) => Resolve<RivyaClient>(provider, key).Models);

        return services
            .AddHttpClient(httpClientName)
            // The SDK's per-attempt timeouts govern; the factory's 100 s default would cut long uploads silently.
            .ConfigureHttpClient(static httpClient => httpClient.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => RivyaHttpHandler.Create(provider.GetRequiredService<IOptionsMonitor<RivyaClientOptions>>().Get(name)))
            // No redirect followed, no cookie kept: applied to whatever primary handler is in place, so a caller's own
            // handler gets the SDK's rules too.
            .ConfigurePrimaryHttpMessageHandler(static (handler, _) => RivyaHttpHandler.ApplyRules(handler))
            // The SDK logs every attempt itself (scrubbed of the key); the factory's two logging handlers would log each
            // request again and cost some 300 bytes per call. .AddDefaultLogger() on the returned builder brings them back.
            .RemoveAllLoggers();
    }

    // Not GetRequiredKeyedService(null) for the unnamed client: a container without keyed services still resolves it.
    private static T Resolve<T>(IServiceProvider provider, object? key)
        where T : notnull =>
        key is null ? provider.GetRequiredService<T>() : provider.GetRequiredKeyedService<T>(key);

    // A second registration used to be merged silently into the first (one client with the first key and the second
    // address): refused instead, with what to do.
    private static void ThrowIfRegistered(IServiceCollection services, string name)
    {
        if (!services.Any(d => d.ImplementationInstance is Registration mark && string.Equals(mark.Name, name, StringComparison.Ordinal)))
        {
            return;
        }

        throw new InvalidOperationException(name.Length == 0
            ? "AddRivyaClient was already called: a second unnamed registration would be merged into the first (one client, settings from both). "
                + "Configure the client in one AddRivyaClient call, or register another client by name: services.AddRivyaClient(\"eu\", ...) and resolve it with [FromKeyedServices(\"eu\")] RivyaClient."
            : $"AddRivyaClient(\"{name}\", ...) was already called: register each named client once, or choose another name.");
    }

    /// <summary>
    /// Start-up validation of one registration's options (<c>ValidateOnStart</c>): a bad address or a missing key fails
    /// the host before the first call, naming the setting to fix (the section's key, e.g. <c>Rivya:ApiKey</c>)
    /// and <c>RIVYA_API_KEY</c>. Also the mark one <c>AddRivyaClient</c> call leaves, so a second call for the same
    /// <see cref="Name"/> is refused.
    /// </summary>
    private sealed class Registration(string name, string keySetting) : IValidateOptions<RivyaClientOptions>
    {
        /// <summary>The client's name; empty for the unnamed client.</summary>
        public string Name { get; } = name;

        public ValidateOptionsResult Validate(string? name, RivyaClientOptions options)
        {
            if (!string.Equals(name ?? Options.Options.DefaultName, Name, StringComparison.Ordinal))
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
}
