using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using Refit;
using Rivya.Sdk.Benchmarks.Contracts;

namespace Rivya.Sdk.Benchmarks.Clients;

public static class RefitClientFactory
{
    public static IRivyaRefitApi Create(HttpClient http, string apiKey)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", BenchHttp.UserAgent);

        // A copy of the context's options: source-generated metadata only, no reflection fallback.
        var json = new JsonSerializerOptions(WireJsonContext.Default.Options);
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(json));
        return RestService.For<IRivyaRefitApi>(http, settings);
    }
}
