using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Benchmarks.Contracts;

namespace Rivya.Sdk.Benchmarks.Clients;

/// <summary>
/// The baseline: what a careful developer writes by hand with <see cref="HttpClient"/> and a source-generated
/// context. Default headers set once, an <c>Idempotency-Key</c> per create, the body serialized to bytes (so it
/// goes with a <c>Content-Length</c>, as the SDK's does), the response streamed into the DTO. No validation, no
/// retries, no timeouts of its own, no logging or tracing, and errors only as <see cref="HttpRequestException"/>.
/// </summary>
public sealed class HandWrittenClient
{
    private readonly HttpClient _http;
    private readonly Uri _createUri;
    private readonly Uri _baseAddress;

    public HandWrittenClient(HttpClient http, Uri baseAddress, string apiKey)
    {
        _http = http;
        _baseAddress = baseAddress;
        _createUri = new Uri(baseAddress, "api/v1/generations");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", BenchHttp.UserAgent);
    }

    public async Task<GenerationDto> CreateAsync(CreateGenerationBody body, CancellationToken cancellationToken = default)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, WireJsonContext.Default.CreateGenerationBody));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        using var request = new HttpRequestMessage(HttpMethod.Post, _createUri) { Content = content };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        return await SendAsync(request, cancellationToken);
    }

    public async Task<GenerationDto> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseAddress, "api/v1/generations/" + Uri.EscapeDataString(id)));
        return await SendAsync(request, cancellationToken);
    }

    private async Task<GenerationDto> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(WireJsonContext.Default.GenerationDto, cancellationToken)
            ?? throw new HttpRequestException("The body was JSON null.");
    }
}
