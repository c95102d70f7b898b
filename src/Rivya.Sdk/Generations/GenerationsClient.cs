using System;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Http;
using Rivya.Sdk.Mocking;
using Rivya.Sdk.Serialization;
using Rivya.Sdk.Validation;

namespace Rivya.Sdk;

/// <summary>Submits generations and reads their status (<c>client.Generations</c>).</summary>
public partial class GenerationsClient
{
    private readonly RivyaPipeline _pipeline = null!;
    private readonly Uri _generationsUri = null!;

    internal GenerationsClient(RivyaPipeline pipeline)
    {
        _pipeline = pipeline;
        _generationsUri = pipeline.Resolve("api/v1/generations");
    }

    /// <summary>For mocking frameworks only.</summary>
    protected GenerationsClient()
    {
    }

    /// <summary>The pipeline, or <see cref="NotSupportedException"/> on a mocking-only instance.</summary>
    private RivyaPipeline RequirePipeline([CallerMemberName] string member = "") =>
        _pipeline ?? throw MockingOnly.NotSetUp(this, member);

    internal RivyaPipeline Pipeline => _pipeline;

    /// <inheritdoc cref="CreateAsync(GenerationRequest, RequestOptions?, CancellationToken)"/>
    public virtual Task<Generation> CreateAsync(GenerationRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(request, null, cancellationToken);

    /// <summary>
    /// Validates <paramref name="request"/> against its model's documented rules, then submits it
    /// (<c>POST /api/v1/generations</c>). Answers the accepted task, normally <c>queued</c>.
    /// </summary>
    /// <remarks>
    /// Every attempt sends the same <c>Idempotency-Key</c> (<see cref="RequestOptions.IdempotencyKey"/>, else one made
    /// for this call), so a retry after a lost answer never starts a second paid task. A 2xx whose body cannot be read
    /// is retried the same way; every exception thrown after sending carries the key.
    /// </remarks>
    /// <exception cref="RivyaValidationException">The request breaks documented rules; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">No API key is configured; nothing was sent.</exception>
    /// <exception cref="RivyaApiException">The server refused the request (a subclass says why).</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry; its <c>IdempotencyKey</c> reaches the task if it was created.</exception>
    /// <exception cref="RivyaOperationCanceledException"><paramref name="cancellationToken"/> was cancelled (an <see cref="OperationCanceledException"/>); its <c>IdempotencyKey</c> reaches the task if the server made it.</exception>
    public virtual Task<Generation> CreateAsync(GenerationRequest request, RequestOptions? options, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        if (options?.SkipValidation != true)
        {
            RequestValidator.ThrowIfInvalid(request);
        }

        var call = new RivyaRequest("generations.create", HttpMethod.Post, _generationsUri)
        {
            JsonBody = JsonSerializer.SerializeToUtf8Bytes(request, RivyaJsonContext.Default.GenerationRequest),
            IdempotencyKey = string.IsNullOrEmpty(options?.IdempotencyKey) ? Guid.NewGuid().ToString() : options!.IdempotencyKey,
            Options = options,
        };
        var created = RequirePipeline().SendAsync(call, RivyaJsonContext.Default.Generation, cancellationToken);
        return RivyaMetrics.CreditsReserved.Enabled ? RecordCreatedAsync(created) : created;
    }

    private static async Task<Generation> RecordCreatedAsync(Task<Generation> created)
    {
        var generation = await created.ConfigureAwait(false);
        RivyaMetrics.RecordCreated(generation);
        return generation;
    }

    /// <inheritdoc cref="GetAsync(string, RequestOptions?, CancellationToken)"/>
    public virtual Task<Generation> GetAsync(string id, CancellationToken cancellationToken = default) =>
        GetAsync(id, null, cancellationToken);

    /// <summary>Reads a task's current status (<c>GET /api/v1/generations/{id}</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    /// <exception cref="RivyaNotFoundException">No such task for this account.</exception>
    /// <exception cref="RivyaApiException">Another server error.</exception>
    /// <exception cref="RivyaConnectionException">No answer after every retry.</exception>
    public virtual Task<Generation> GetAsync(string id, RequestOptions? options, CancellationToken cancellationToken = default)
    {
        var call = new RivyaRequest("generations.get", HttpMethod.Get, RequirePipeline().ResolveResource("api/v1/generations/", id, nameof(id)))
        {
            Options = options,
        };
        return RequirePipeline().SendAsync(call, RivyaJsonContext.Default.Generation, cancellationToken);
    }
}
