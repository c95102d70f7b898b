using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Rivya.Sdk.Http;

namespace Rivya.Sdk;

/// <summary>
/// <see cref="RivyaClientOptions.WarnOnCatalogDrift"/>: one catalogue check in the background when the client is built,
/// logged once as a warning when a built-in model's rules differ from the server's. Off by default: the SDK makes no
/// call the user did not ask for. A failed check is logged at Debug and otherwise ignored.
/// </summary>
internal static partial class CatalogDriftWarning
{
    // The returned task never faults: a failure is logged.
    public static Task Start(Func<CancellationToken, Task<CatalogCheck>> check, ILogger logger) =>
        Task.Run(async () =>
        {
            try
            {
                var result = await check(CancellationToken.None).ConfigureAwait(false);
                if (result.HasDrift)
                {
                    Drift(logger, result.ToString());
                }
                else if (result.ModelsNotInSdk.Count > 0)
                {
                    NewModels(logger, result.ToString());
                }
            }
#pragma warning disable CA1031 // A start-up check must never take the application down.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Failed(logger, exception.GetType().Name, exception.Message);
            }
        });

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Rivya catalogue drift: the SDK's built-in model rules differ from the server's: {Check}")]
    private static partial void Drift(ILogger logger, string check);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "Rivya catalogue: the server lists models this SDK has no typed record for (use RawModelParams): {Check}")]
    private static partial void NewModels(ILogger logger, string check);

    [LoggerMessage(EventId = 43, Level = LogLevel.Debug, Message = "Rivya catalogue check at start-up failed: {Failure}: {Message}")]
    private static partial void Failed(ILogger logger, string failure, string message);
}
