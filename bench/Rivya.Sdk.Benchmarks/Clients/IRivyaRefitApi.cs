using System.Threading;
using System.Threading.Tasks;
using Refit;
using Rivya.Sdk.Benchmarks.Contracts;

namespace Rivya.Sdk.Benchmarks.Clients;

/// <summary>
/// The Refit client: the same two calls and DTOs as the baseline, with Refit's System.Text.Json serializer on the
/// baseline's source-generated context. Authorization, Accept and User-Agent are the HttpClient's default headers,
/// as for the baseline.
/// </summary>
public interface IRivyaRefitApi
{
    [Post("/api/v1/generations")]
    Task<GenerationDto> CreateAsync([Body] CreateGenerationBody body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken = default);

    [Get("/api/v1/generations/{id}")]
    Task<GenerationDto> GetAsync(string id, CancellationToken cancellationToken = default);
}
