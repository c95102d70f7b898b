using System;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Testing.Catalog;
using Rivya.Sdk.Testing.Credits;
using Rivya.Sdk.Testing.Faults;
using Rivya.Sdk.Testing.Files;
using Rivya.Sdk.Testing.Generations;
using Rivya.Sdk.Testing.Http;
using Rivya.Sdk.Testing.Ledger;
using Rivya.Sdk.Testing.Logging;
using Rivya.Sdk.Testing.Media;
using Rivya.Sdk.Testing.RateLimits;
using WireMock;

namespace Rivya.Sdk.Testing.Server;

/// <summary>
/// The one WireMock callback: records the request, answers a queued fault if there is one, checks the key, and
/// routes to the endpoint. Every answer, even an unexpected failure of the fake itself, is a Rivya-shaped JSON error.
/// </summary>
internal sealed class FakeRivyaApi
{
    private const string ApiPrefix = "/api/v1/";
    private const string ModelsPath = "/api/v1/models";

    private readonly ApiKeyCheck _apiKey;
    private readonly TimeProvider _time;
    private readonly RequestLog _log;
    private readonly FaultQueue _faults;
    private readonly RandomFaults _randomFaults;
    private readonly CreditLedger _ledger;
    private readonly GenerationsEndpoint _generations;
    private readonly FilesEndpoint _files;
    private readonly MediaEndpoint _media;
    private readonly LedgerBook _book;

    /// <summary>What <c>GET /api/v1/models</c> answers; set by <see cref="FakeRivyaServer.ModelCatalogJson"/>.</summary>
    internal CatalogOverride Catalog { get; } = new();

    /// <summary>The per-key create limit; set from <see cref="FakeRivyaServerOptions.CreateRateLimit"/> at start.</summary>
    internal CreateRateLimiter? RateLimiter { get; init; }

    public FakeRivyaApi(
        ApiKeyCheck apiKey,
        TimeProvider time,
        RequestLog log,
        FaultQueue faults,
        RandomFaults randomFaults,
        CreditLedger ledger,
        GenerationsEndpoint generations,
        FilesEndpoint files,
        MediaEndpoint media,
        LedgerBook book)
    {
        _apiKey = apiKey;
        _time = time;
        _log = log;
        _faults = faults;
        _randomFaults = randomFaults;
        _ledger = ledger;
        _generations = generations;
        _files = files;
        _media = media;
        _book = book;
    }

    public async Task<IResponseMessage> HandleAsync(IRequestMessage message, CancellationToken stopping)
    {
        var request = IncomingRequest.From(message);
        var keyStatus = _apiKey.Check(request);
        _log.Add(request, keyStatus, _time.GetUtcNow());
        if (request.Method == "POST" && request.Path.TrimEnd('/') == ApiPrefix + "generations")
        {
            _book.CountCreate();
        }

        var fault = _faults.TryTake() ?? (request.Path.StartsWith(ApiPrefix, StringComparison.Ordinal) ? _randomFaults.TryTake() : null);
        if (fault is not null)
        {
            var faulted = await FaultAnswer.AnswerAsync(fault, () => Handle(request, keyStatus), stopping).ConfigureAwait(false);
            return faulted.ToResponseMessage();
        }

        return Handle(request, keyStatus).ToResponseMessage();
    }

    private FakeResponse Handle(IncomingRequest request, ApiKeyStatus keyStatus)
    {
        try
        {
            return Route(request, keyStatus);
        }
#pragma warning disable CA1031 // A fake must answer in Rivya's error shape whatever went wrong inside it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return ErrorResponses.Create(500, "internal_error", $"FakeRivyaServer failed on {request.Method} {request.Path}: {e.GetType().Name}: {e.Message}");
        }
    }

    private FakeResponse Route(IncomingRequest request, ApiKeyStatus keyStatus)
    {
        var path = request.Path.Length > 1 ? request.Path.TrimEnd('/') : request.Path;
        var isGet = request.Method == "GET";

        if (isGet && path == ModelsPath)
        {
            return FakeResponse.Json(200, Catalog.Current);
        }

        if (isGet && path == LedgerBook.Path)
        {
            return FakeResponse.Json(200, _book.Json());
        }

        if (isGet && path.StartsWith(MediaEndpoint.PathPrefix, StringComparison.Ordinal))
        {
            return _media.Get(Uri.UnescapeDataString(path[MediaEndpoint.PathPrefix.Length..]));
        }

        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            return NoRoute(request);
        }

        switch (keyStatus)
        {
            case ApiKeyStatus.Missing:
                return ErrorResponses.ApiKeyMissing();
            case ApiKeyStatus.Invalid:
                return ErrorResponses.ApiKeyInvalid();
        }

        var rest = path.AsSpan(ApiPrefix.Length);
        var slash = rest.IndexOf('/');
        var resource = (slash < 0 ? rest : rest[..slash]).ToString();
        var id = slash < 0 ? null : Uri.UnescapeDataString(rest[(slash + 1)..].ToString());
        if (id is not null && (id.Length == 0 || id.Contains('/', StringComparison.Ordinal)))
        {
            return NoRoute(request);
        }

        return (request.Method, resource, id) switch
        {
            ("POST", "generations", null) => RateLimiter?.Check(request.Header("Authorization")) ?? _generations.Create(request),
            ("GET", "generations", { } taskId) => _generations.Get(taskId),
            ("POST", "files", null) => _files.Upload(request),
            ("GET", "files", { } fileId) => _files.Get(fileId),
            ("GET", "credits", null) => CreditsEndpoint.Get(_ledger),
            _ => NoRoute(request),
        };
    }

    private static FakeResponse NoRoute(IncomingRequest request) =>
        ErrorResponses.NotFound($"FakeRivyaServer has no route {request.Method} {request.Path}.");
}
