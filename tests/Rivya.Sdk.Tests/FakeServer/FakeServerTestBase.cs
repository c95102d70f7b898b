using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

/// <summary>A fresh fake per test, and a plain <see cref="HttpClient"/> that sends its key.</summary>
public abstract class FakeServerTestBase : IAsyncLifetime
{
    protected const string ValidKling30Body =
        """{"model":"kling-3-0","prompt":"A cinematic product reveal","params":{"mode":"pro","duration":"5"}}""";

    private FakeRivyaServer? _fake;
    private HttpClient? _client;

    protected FakeRivyaServer Fake => _fake ?? throw new InvalidOperationException("Not started.");

    /// <summary>A client with the fake's base address and its key.</summary>
    protected HttpClient Client => _client ?? throw new InvalidOperationException("Not started.");

    protected virtual FakeRivyaServerOptions Options => new();

    public Task InitializeAsync()
    {
        _fake = FakeRivyaServer.Start(Options);
        _client = NewClient(_fake.ApiKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }
    }

    protected HttpClient NewClient(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = Fake.BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    protected async Task<Answer> PostGenerationAsync(string json, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/generations")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await Client.SendAsync(request).Bound();
        return await Answer.ReadAsync(response);
    }

    protected async Task<Answer> GetAsync(string path, HttpClient? client = null)
    {
        using var response = await (client ?? Client).GetAsync(path).Bound();
        return await Answer.ReadAsync(response);
    }

    /// <summary>Creates a kling-3-0 task and returns its id.</summary>
    protected async Task<string> CreateTaskAsync()
    {
        var created = await PostGenerationAsync(ValidKling30Body);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Json["id"]!.GetValue<string>();
    }

    /// <summary>A status, headers and the parsed JSON body of one answer.</summary>
    protected sealed record Answer(HttpStatusCode Status, HttpResponseHeaders Headers, string? ContentType, JsonNode Json)
    {
        public string? ErrorCode => Json["error"]?["code"]?.GetValue<string>();

        public string ErrorMessage => Json["error"]?["message"]?.GetValue<string>() ?? string.Empty;

        public static async Task<Answer> ReadAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return new Answer(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(text)!);
        }
    }
}
