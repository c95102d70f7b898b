using System;
using System.Threading;
using Rivya.Sdk.Testing.Credits;
using Rivya.Sdk.Testing.Faults;
using Rivya.Sdk.Testing.Files;
using Rivya.Sdk.Testing.Generations;
using Rivya.Sdk.Testing.Http;
using Rivya.Sdk.Testing.Ledger;
using Rivya.Sdk.Testing.Logging;
using Rivya.Sdk.Testing.Media;
using Rivya.Sdk.Testing.RateLimits;
using Rivya.Sdk.Testing.Server;

namespace Rivya.Sdk.Testing;

// Start: the one place the fake's parts are made and wired to each other.
public sealed partial class FakeRivyaServer
{
    /// <summary>
    /// Starts a fake Rivya on a loopback port (a free one unless <see cref="FakeRivyaServerOptions.Port"/> says).
    /// Dispose it to stop it.
    /// </summary>
    /// <param name="options">How to start; null uses the defaults of <see cref="FakeRivyaServerOptions"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range (a blank key, fewer than one poll, a negative balance, a bad port).</exception>
    public static FakeRivyaServer Start(FakeRivyaServerOptions? options = null)
    {
        options ??= new FakeRivyaServerOptions();
        options.ThrowIfInvalid();

        var time = options.TimeProvider;
        var stopping = new CancellationTokenSource();
        var listener = WireMockListener.Start(options.Port);
        MediaHost? media = null;
        try
        {
            var origin = listener.BaseAddress.AbsoluteUri.TrimEnd('/');
            var log = new RequestLog();
            var faults = new FaultQueue();
            var randomFaults = new RandomFaults();
            var ledger = new CreditLedger(options.InitialBalance);
            GenerationStore? generations = null;
            media = new MediaHost(id => generations!.HasSucceeded(id), options.ApiKey, time, options.DistinctResults);
            generations = new GenerationStore(ledger, time, options.PollsUntilSucceeded, options.ProcessingTime, media.ResultUrl);
            var book = new LedgerBook(generations, ledger, media);
            var files = new FileStore();
            var api = new FakeRivyaApi(
                new ApiKeyCheck(options.ApiKey),
                time,
                log,
                faults,
                randomFaults,
                ledger,
                new GenerationsEndpoint(generations, options.RejectUnknownParams),
                new FilesEndpoint(files, time, id => origin + MediaEndpoint.FilePath(id)),
                new MediaEndpoint(generations, files),
                book)
            {
                RateLimiter = options.CreateRateLimit is null ? null : new CreateRateLimiter(options.CreateRateLimit, options.RateLimitWindow, time),
            };

            var token = stopping.Token;
            listener.Serve(request => api.HandleAsync(request, token));

            return new FakeRivyaServer(listener, options.ApiKey, stopping, log, faults, randomFaults, ledger, generations, files, api, media, book);
        }
        catch
        {
            media?.Dispose();
            listener.Dispose();
            stopping.Dispose();
            throw;
        }
    }
}
