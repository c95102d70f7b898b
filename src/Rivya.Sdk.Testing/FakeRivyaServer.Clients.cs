using System;

namespace Rivya.Sdk.Testing;

// A Rivya.Sdk client pointed at this fake, directly or through dependency injection.
public sealed partial class FakeRivyaServer
{
    /// <summary>
    /// A wait schedule for tests against the fake: poll at once, then every millisecond, no jitter, for at most 30
    /// seconds. A task on the fake advances per poll (never with time), so a whole create-and-wait takes milliseconds.
    /// <see cref="CreateClient"/> and <see cref="ConfigureClient"/> make it the client's
    /// <see cref="RivyaClientOptions.DefaultWaitOptions"/>.
    /// </summary>
    public static WaitOptions FastWaitOptions { get; } = new()
    {
        InitialDelay = TimeSpan.Zero,
        PollInterval = TimeSpan.FromMilliseconds(1),
        MaxPollInterval = TimeSpan.FromMilliseconds(1),
        PollIntervalMultiplier = 1,
        Jitter = 0,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// Points <paramref name="options"/> at this server: its <see cref="BaseAddress"/>, its <see cref="ApiKey"/>, and
    /// <see cref="FastWaitOptions"/> as the default wait. For dependency injection:
    /// <c>services.AddRivyaClient(fake.ConfigureClient)</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public void ConfigureClient(RivyaClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ApiKey = ApiKey;
        options.BaseAddress = BaseAddress;
        options.DefaultWaitOptions = FastWaitOptions;
    }

    /// <summary>
    /// A client on this server (see <see cref="ConfigureClient"/>): a create-and-wait with no <see cref="WaitOptions"/>
    /// of its own finishes in milliseconds. <paramref name="configure"/> runs afterwards, to change any option.
    /// Dispose the client before the server.
    /// </summary>
    public RivyaClient CreateClient(Action<RivyaClientOptions>? configure = null)
    {
        var options = new RivyaClientOptions();
        ConfigureClient(options);
        configure?.Invoke(options);
        return new RivyaClient(options);
    }
}
