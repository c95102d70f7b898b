using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;
using Rivya.Sdk.Serialization;

namespace Rivya.Sdk;

/// <summary>Reads the server's model catalogue (<c>client.Models</c>). Needs no API key.</summary>
public class ModelsClient
{
    private readonly RivyaPipeline _pipeline = null!;
    private readonly Uri _uri = null!;

    internal ModelsClient(RivyaPipeline pipeline)
    {
        _pipeline = pipeline;
        _uri = pipeline.Resolve("api/v1/models");
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ModelsClient()
    {
    }

    private RivyaPipeline RequirePipeline([CallerMemberName] string member = "") =>
        _pipeline ?? throw MockingOnly.NotSetUp(this, member);

    /// <summary>
    /// Every model the API lists now (<c>GET /api/v1/models</c>, public). The list is dynamic: it may hold models this
    /// SDK has no typed record for; <see cref="ModelCatalog"/> holds the rules of those it has.
    /// </summary>
    /// <exception cref="RivyaApiException">The server answered an error.</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry.</exception>
    public virtual async Task<IReadOnlyList<RivyaModel>> ListAsync(CancellationToken cancellationToken = default)
    {
        var request = new RivyaRequest("models.list", HttpMethod.Get, _uri) { RequiresKey = false };
        var list = await RequirePipeline().SendAsync(request, RivyaJsonContext.Default.ModelList, cancellationToken).ConfigureAwait(false);
        return list.Data;
    }

    /// <summary>
    /// Reads the live catalogue (<c>GET /api/v1/models</c>, public) and compares each model of the SDK's
    /// <see cref="ModelCatalog"/> with it: prompt limit, base credits, <c>api_status</c> (a model no longer
    /// <c>available</c>), and the options of select parameters where the server lists them. Also names the models the
    /// server has and the SDK does not (usable through <see cref="RawModelParams"/>). Only a read: nothing is changed.
    /// </summary>
    /// <exception cref="RivyaApiException">The server answered an error.</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry.</exception>
    public virtual async Task<CatalogCheck> CheckCatalogAsync(CancellationToken cancellationToken = default)
    {
        var live = await ListAsync(cancellationToken).ConfigureAwait(false);
        return CatalogComparer.Compare(ModelCatalog.All, live);
    }
}
