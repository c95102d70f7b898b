using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json.Nodes;
using Rivya.Sdk.Benchmarks.Server;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// Run once before measuring: every client must send the documented create body with the same headers and read the
/// documented answers, or the comparison would not be like for like.
/// </summary>
public static class WireCheck
{
    /// <param name="clients">The clients under test.</param>
    /// <param name="checkWire">Also check what reached the loopback server (false for the in-memory transport, where nothing does).</param>
    public static void Verify(ClientsUnderTest clients, bool checkWire = true)
    {
        var captured = new ConcurrentQueue<ParsedRequest>();
        clients.Server.Capture = captured;
        try
        {
            Expect(clients.HandWritten.CreateAsync(clients.Body).GetAwaiter().GetResult().Id == "task_kling_3_0_example", "hand-written create");
            Expect(clients.Refit.CreateAsync(clients.Body, Guid.NewGuid().ToString()).GetAwaiter().GetResult().Id == "task_kling_3_0_example", "Refit create");
            Expect(clients.Sdk.Generations.CreateAsync(clients.Request).GetAwaiter().GetResult().Id == "task_kling_3_0_example", "SDK create");
            Expect(clients.HandWritten.GetAsync(ClientsUnderTest.GenerationId).GetAwaiter().GetResult().Result?.PrimaryUrl is not null, "hand-written get");
            Expect(clients.Refit.GetAsync(ClientsUnderTest.GenerationId).GetAwaiter().GetResult().Result?.PrimaryUrl is not null, "Refit get");
            Expect(clients.Sdk.Generations.GetAsync(ClientsUnderTest.GenerationId).GetAwaiter().GetResult().Result?.PrimaryUrl is not null, "SDK get");
        }
        finally
        {
            clients.Server.Capture = null;
        }

        // Outside the capture: the checks of the wire below are per client in a fixed order of six requests.
        Expect(clients.SdkDefault.Generations.CreateAsync(clients.Request).GetAwaiter().GetResult().Id == "task_kling_3_0_example", "default SDK create");
        Expect(clients.SdkDefault.Generations.GetAsync(ClientsUnderTest.GenerationId).GetAwaiter().GetResult().Result?.PrimaryUrl is not null, "default SDK get");
        Expect(clients.SdkDi.Generations.CreateAsync(clients.Request).GetAwaiter().GetResult().Id == "task_kling_3_0_example", "DI SDK create");
        Expect(clients.SdkDi.Generations.GetAsync(ClientsUnderTest.GenerationId).GetAwaiter().GetResult().Result?.PrimaryUrl is not null, "DI SDK get");

        if (!checkWire)
        {
            return;
        }

        var requests = captured.ToArray();
        Expect(requests.Length == 6, $"six requests reach the server (got {requests.Length})");
        var expectedBody = JsonNode.Parse(Fixtures.Read("Fixtures.create-request.json"));
        foreach (var (request, index) in requests.Select((r, i) => (r, i)))
        {
            var who = new[] { "hand-written", "Refit", "SDK" }[index % 3];
            Expect(request.Header("Authorization") == "Bearer " + Clients.BenchHttp.ApiKey, $"{who} sends the key");
            Expect(request.Header("Accept") == "application/json", $"{who} sends Accept: application/json");
            Expect(request.Header("User-Agent") is not null, $"{who} sends a User-Agent");
            if (index < 3)
            {
                Expect(request.Route == Route.CreateGeneration, $"{who} create reaches POST /api/v1/generations");
                Expect(Guid.TryParse(request.Header("Idempotency-Key"), out _), $"{who} create sends an Idempotency-Key");
                Expect(request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) == true, $"{who} create sends JSON");
                Expect(JsonNode.DeepEquals(JsonNode.Parse(request.Body), expectedBody), $"{who} create sends the documented body (got {System.Text.Encoding.UTF8.GetString(request.Body)})");
            }
            else
            {
                Expect(request.Route == Route.GetGeneration, $"{who} get reaches GET /api/v1/generations/{{id}}");
                Expect(request.Head.StartsWith("GET /api/v1/generations/" + ClientsUnderTest.GenerationId + " ", StringComparison.Ordinal), $"{who} get asks for the id");
            }
        }
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Wire check failed: " + what + ".");
        }
    }
}
