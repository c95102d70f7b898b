using System;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;
using Rivya.Sdk.Serialization;

namespace Rivya.Sdk;

/// <summary>Reads the account's credit balance (<c>client.Credits</c>).</summary>
public class CreditsClient
{
    private readonly RivyaPipeline _pipeline = null!;
    private readonly Uri _uri = null!;

    internal CreditsClient(RivyaPipeline pipeline)
    {
        _pipeline = pipeline;
        _uri = pipeline.Resolve("api/v1/credits");
    }

    /// <summary>For mocking frameworks only.</summary>
    protected CreditsClient()
    {
    }

    private RivyaPipeline RequirePipeline([CallerMemberName] string member = "") =>
        _pipeline ?? throw MockingOnly.NotSetUp(this, member);

    /// <summary>The credits available now (<c>GET /api/v1/credits</c>).</summary>
    /// <exception cref="InvalidOperationException">No API key is configured; nothing was sent.</exception>
    /// <exception cref="RivyaApiException">The server answered an error.</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry.</exception>
    public virtual Task<CreditBalance> GetBalanceAsync(CancellationToken cancellationToken = default) =>
        RequirePipeline().SendAsync(new RivyaRequest("credits.get", HttpMethod.Get, _uri), RivyaJsonContext.Default.CreditBalance, cancellationToken);
}
