using System;
using System.Globalization;
using Rivya.Sdk;

namespace Rivya.Cli.Cli;

/// <summary>
/// The environment a command runs in: the key from <c>RIVYA_API_KEY</c> (never an argument: it would show in
/// <c>ps</c> and the shell's history), the address from <c>RIVYA_BASE_ADDRESS</c>, and an optional poll interval
/// from <c>RIVYA_POLL_INTERVAL</c> (seconds; for a local fake or a quick service).
/// </summary>
internal static class ClientSetup
{
    public const string ApiKeyVariable = "RIVYA_API_KEY";
    public const string BaseAddressVariable = "RIVYA_BASE_ADDRESS";
    public const string PollIntervalVariable = "RIVYA_POLL_INTERVAL";

    public static string? ApiKey(CliContext context) => Blank(context.Environment(ApiKeyVariable));

    /// <summary>A client for <paramref name="context"/>'s environment; an <see cref="UsageException"/> when a variable is malformed.</summary>
    public static RivyaClient CreateClient(CliContext context)
    {
        var options = new RivyaClientOptions { ApiKey = ApiKey(context) };
        if (Blank(context.Environment(BaseAddressVariable)) is { } address)
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
            {
                throw new UsageException($"{BaseAddressVariable} is not an absolute URL.");
            }

            options.BaseAddress = uri;
        }

        if (Blank(context.Environment(PollIntervalVariable)) is { } text)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds is < 0.05 or > 600)
            {
                throw new UsageException($"{PollIntervalVariable} must be a number of seconds from 0.05 to 600.");
            }

            var interval = TimeSpan.FromSeconds(seconds);
            options.DefaultWaitOptions = new WaitOptions { InitialDelay = interval, PollInterval = interval, MaxPollInterval = interval };
        }

        try
        {
            return new RivyaClient(options);
        }
        catch (ArgumentException e)
        {
            // The SDK's own check of the options (e.g. an http address that is not loopback); its message names the option.
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Fails with exit 3 before anything is sent when the key is not set.</summary>
    public static void RequireKey(CliContext context)
    {
        if (ApiKey(context) is null)
        {
            throw new CliException(ExitCodes.Auth, $"{ApiKeyVariable} is not set: export your Rivya API key in it (rivya never takes the key as an argument).");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
