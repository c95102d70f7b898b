using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Security;

/// <summary>
/// One hostile server (raw loopback bytes) answers every route with the key echoed (raw after <c>Bearer</c>, inside a
/// base64 <c>Basic</c> credential, URL-encoded) and CR/LF/ESC/BEL in every text it sends: the task id, the model, the
/// error code and message, a <c>/models</c> entry, the result host's reason phrase. Then every path runs against it
/// (single calls, a wait, a batch, a download, the catalogue drift warning, cancellation of a wait and of a batch), and
/// every sink is collected: log lines and their values, span tags, metric tags, exception messages and
/// <c>ToString()</c>, and the values returned to the caller. A new path or sink that skips the sanitiser fails here.
/// </summary>
public sealed class SinkWalkTests
{
    private const string Key = TestKeys.ApiKey;
    private const string Forge = "\r\nINFO forged\u001b[31m\u0007";
    private static readonly string Echo = $"Bearer {Key} Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + Key))} url {string.Concat(Key.Select(c => "%" + ((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)))}";
    private static readonly string TaskId = "task_1" + Forge;

    [Fact]
    public async Task Every_sink_on_every_path_is_clean_of_the_key_and_of_control_characters()
    {
        var catalogue = await HostileCatalogueAsync();
        using var server = new HostileServer((request, stream, ct) => AnswerAsync(request, stream, catalogue, ct));
        using var logs = new CapturingLoggerProvider();
        using var meters = new MeterRecorder();
        using var recorder = new ActivityRecorder();
        var clock = new TestClock();
        var scan = new LeakScan(Key);
        var returned = new List<(string Where, string Text)>();

        RivyaClient Client(TimeProvider time, bool drift = false) => new(new RivyaClientOptions
        {
            ApiKey = Key,
            BaseAddress = server.BaseAddress,
            LoggerFactory = logs,
            MeterFactory = meters.Factory,
            TimeProvider = time,
            MaxRetries = 0,
            WarnOnCatalogDrift = drift,
        });

        using var client = Client(TimeProvider.System, drift: true);
        await client.CatalogDriftCheck!.Bound();

        // Single calls: what they return, and what they throw.
        var created = await client.Generations.CreateAsync(TestRequests.Valid()).Bound();
        var failed = await client.Generations.GetAsync("failed").Bound();
        var models = await client.Models.ListAsync().Bound();
        var check = await client.Models.CheckCatalogAsync().Bound();
        returned.Add(("created", created.ToString()));
        returned.Add(("failed", failed.ToString()));
        scan.Add("value failed.Error.Code", failed.Error!.Code!).Add("value failed.Error.Message", failed.Error.Message!);
        returned.AddRange(models.Select(m => ("model", m.ToString() + m.Params?.GetRawText())));
        scan.Add("CatalogCheck", check.ToString());

        // A wait that ends failed, a download whose host refuses, and a batch item that fails.
        scan.AddException(await ThrowsAsync(() => client.Generations.WaitForCompletionAsync("failed", new WaitOptions { InitialDelay = TimeSpan.Zero })));
        var destination = Path.Combine(Path.GetTempPath(), "rivya-sinkwalk-" + Guid.NewGuid().ToString("N") + ".mp4");
        scan.AddException(await ThrowsAsync(() => client.Generations.DownloadAsync("done", destination)));
        File.Exists(destination).Should().BeFalse("nothing was downloaded");
        await foreach (var item in client.Generations.CreateAndWaitManyAsync([TestRequests.Valid()], new BatchOptions { Wait = new WaitOptions { InitialDelay = TimeSpan.Zero } }).WithCancellation(default))
        {
            scan.Add("BatchItemResult.ToString()", item.ToString()).AddException(item.Error);
            returned.Add(("batch generation", item.Generation?.ToString() ?? string.Empty));
        }

        // Cancellation of a wait and of a batch, each once the task exists (on a clock nobody advances).
        using (var frozen = Client(clock))
        {
            using var cancel = new CancellationTokenSource();
            var wait = frozen.Generations.CreateAndWaitAsync(TestRequests.Valid(), cancellationToken: cancel.Token);
            await clock.NextSleepAsync().Bound();
            cancel.Cancel();
            scan.AddException(await ThrowsAsync(() => wait));

            using var cancelBatch = new CancellationTokenSource();
            var items = new List<BatchItemResult>();
            var batch = Task.Run(async () =>
            {
                await foreach (var item in frozen.Generations.CreateAndWaitManyAsync([TestRequests.Valid()], new BatchOptions { CheckBalanceFirst = false }, cancelBatch.Token))
                {
                    items.Add(item);
                }
            });
            await clock.NextSleepAsync().Bound();
            cancelBatch.Cancel();
            var ended = await ThrowsOrNullAsync(() => batch);
            scan.AddException(ended);
            foreach (var item in items)
            {
                scan.Add("canceled BatchItemResult.ToString()", item.ToString()).AddException(item.Error);
            }
        }

        scan.AddLogs(logs).AddActivities(recorder.Stopped);
        foreach (var (where, text) in returned)
        {
            scan.Add(where + ".ToString()", text);
        }

        foreach (var m in meters.Measurements)
        {
            foreach (var (name, value) in m.Tags)
            {
                scan.Add($"metric {m.Name} tag {name}", value as string);
            }
        }

        // Every path was walked: the forged texts reached each sink (escaped), so the checks below mean something.
        logs.WithEventId(41).Should().ContainSingle("the drift warning ran");
        logs.Records.Should().Contain(r => r.EventId.Id >= 20 && r.EventId.Id <= 25, "the download logged");
        recorder.Stopped.Should().Contain(a => a.GetTagItem("rivya.task_id") != null);
        scan.Texts.Should().Contain(t => t.Text.Contains("\\r\\nINFO forged", StringComparison.Ordinal), "forged text is shown escaped");
        scan.Texts.Should().Contain(t => t.Where.Contains("RivyaOperationCanceledException", StringComparison.Ordinal));
        scan.Texts.Should().Contain(t => t.Where.Contains("RivyaDownloadException", StringComparison.Ordinal));
        scan.Texts.Should().Contain(t => t.Where.Contains("RivyaGenerationFailedException", StringComparison.Ordinal));

        scan.ShouldBeClean();
        scan.Texts.Where(t => EncodedForms().Any(f => t.Text.Contains(f, StringComparison.Ordinal)))
            .Select(t => t.Where + ": " + t.Text).Should().BeEmpty("the key is masked in its base64 and URL-encoded forms too");
        // Only the values themselves (the server's, unchanged) and an exception's stack trace lines keep control characters.
        scan.Texts.Where(t => !t.Where.StartsWith("value ", StringComparison.Ordinal) && !t.Where.EndsWith("Exception.ToString()", StringComparison.Ordinal) && t.Text.Any(char.IsControl))
            .Select(t => t.Where + ": " + t.Text).Should().BeEmpty("no server-sent control character reaches a message, a log line, a tag or a returned record's ToString raw");
        FirstLines(scan).Where(t => t.Text.Any(char.IsControl)).Should().BeEmpty("an exception's message (its ToString's first line) is escaped");
        meters.Measurements.Should().NotBeEmpty();
        meters.Measurements.SelectMany(m => m.Tags.Values).OfType<string>().Should().OnlyContain(v => FixedTagValues.Contains(v), "metric tags come from fixed sets");
    }

    private static readonly HashSet<string> FixedTagValues =
    [
        "generations.create", "generations.get", "models.list", "credits.get", "batch", "success", "other",
        "queued", "processing", "succeeded", "failed", "kling-3-0", "kling-2-6", "kling-v2-1-master", "kling-v2-5-turbo-pro",
        "not_found", "rate_limited", "validation_failed", "http_403", "http_404", "http_500",
    ];

    private static IEnumerable<string> EncodedForms()
    {
        var bytes = Encoding.UTF8.GetBytes("user:" + Key);
        yield return Convert.ToBase64String(bytes)[8..40];
        yield return string.Concat(Key.Skip(8).Take(12).Select(c => "%" + ((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static IEnumerable<(string Where, string Text)> FirstLines(LeakScan scan) =>
        scan.Texts.Where(t => t.Where.EndsWith("Exception.ToString()", StringComparison.Ordinal)).Select(t => (t.Where, t.Text.Split(Environment.NewLine)[0]));

    private static async Task<Exception> ThrowsAsync(Func<Task> call) =>
        (await FluentActions.Awaiting(() => call().Bound()).Should().ThrowAsync<Exception>()).Which;

    private static async Task<Exception?> ThrowsOrNullAsync(Func<Task> call)
    {
        try
        {
            await call().Bound();
            return null;
        }
        catch (Exception exception) when (exception is not TimeoutException)
        {
            return exception;
        }
    }

    private static string J(string text) => JsonSerializer.Serialize(text);

    private static string TaskJson(string status, string? extra = null) =>
        $"{{\"id\":{J(TaskId)},\"status\":\"{status}\",\"model\":{J("kling-3-0 " + Echo + Forge)},\"reserved_credits\":90,\"final_credits\":0{extra}}}";

    private static async Task AnswerAsync(RawRequest request, Stream stream, string catalogue, CancellationToken ct)
    {
        var target = request.Target;
        var (head, body) = (request.Method, target) switch
        {
            ("GET", "/api/v1/models") => ("HTTP/1.1 200 OK\r\nContent-Type: application/json", catalogue),
            ("GET", "/api/v1/credits") => ("HTTP/1.1 200 OK\r\nContent-Type: application/json", TestRequests.CreditsJson),
            ("POST", _) => ("HTTP/1.1 200 OK\r\nContent-Type: application/json", TaskJson("queued")),
            ("GET", "/api/v1/generations/done") => ("HTTP/1.1 200 OK\r\nContent-Type: application/json", TaskJson("succeeded", $",\"result\":{{\"primary_url\":\"http://127.0.0.1:{Port(request)}/media/r.mp4\",\"urls\":[]}}")),
            ("GET", "/media/r.mp4") => ($"HTTP/1.1 403 Forbidden\u0007\u001b[2J Bearer {Key}\r\nContent-Type: text/plain", "no"),
            _ => ("HTTP/1.1 200 OK\r\nContent-Type: application/json", TaskJson("failed", $",\"error\":{{\"code\":{J("E" + Forge + Echo)},\"message\":{J(Echo + Forge)}}}")),
        };
        await HostileServer.WriteAsync(stream, head, Encoding.UTF8.GetBytes(body), ct);
    }

    private static string Port(RawRequest request) =>
        request.Values("Host").Single().Split(':')[1];

    private static async Task<string> HostileCatalogueAsync()
    {
        await using var fake = FakeRivyaServer.Start();
        var catalogue = JsonNode.Parse(fake.ModelCatalogJson!)!;
        var data = catalogue["data"]!.AsArray();
        data.Single(m => (string?)m!["id"] == "kling-3-0")!["base_credits"] = 95;
        var hostile = data[0]!.DeepClone();
        hostile["id"] = "evil" + Forge + Echo;
        hostile["display_name"] = Echo + Forge;
        data.Add(hostile);
        return catalogue.ToJsonString();
    }
}
