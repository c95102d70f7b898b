using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rivya.WebApp.FleetTests.Support;

/// <summary>The web app's three routes, as a client sees them.</summary>
internal sealed class VideoApi(HttpClient http)
{
    public sealed record Video(string Id, string Status, string? TaskId, VideoError? Error, string? File)
    {
        public bool IsFinal => Status is "succeeded" or "failed";
    }

    public sealed record VideoError(string Code, string Message);

    public sealed record Accepted(string Id, string Status);

    public HttpClient Http => http;

    public Task<HttpResponseMessage> PostAsync(string json) =>
        http.PostAsync("/videos", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public async Task<Accepted> SubmitAsync(string model = "kling-3-0", string prompt = "A lighthouse at dusk", string @params = """{"duration":"5"}""")
    {
        using var response = await PostAsync($$"""{"model":"{{model}}","prompt":"{{prompt}}","params":{{@params}}}""");
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /videos answered {(int)response.StatusCode}: {body}");
        }

        return JsonSerializer.Deserialize<Accepted>(body, JsonSerializerOptions.Web)!;
    }

    public async Task<Video> GetAsync(string id) =>
        (await http.GetFromJsonAsync<Video>("/videos/" + id, JsonSerializerOptions.Web))!;

    public Task<Video> FinishedAsync(string id, TimeSpan bound) =>
        Eventually.UntilAsync(() => GetAsync(id), v => v.IsFinal, bound, $"video {id} to finish");
}
