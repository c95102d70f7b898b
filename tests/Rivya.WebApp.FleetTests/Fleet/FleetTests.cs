using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using FluentAssertions;
using Rivya.WebApp.FleetTests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Rivya.WebApp.FleetTests.Fleet;

/// <summary>
/// Two workers and a web process on one PostgreSQL; one worker is killed (SIGKILL) while it holds jobs mid-call to
/// Rivya. Every video still ends with the fake's exact bytes, and the fake made and charged each task once.
/// Needs FLEET_PG_CONNECTION, which scripts/test.d/fleet.sh sets after starting a throwaway PostgreSQL.
/// </summary>
[Trait("Category", "Fleet")]
public sealed class FleetTests(ITestOutputHelper output)
{
    private const int Videos = 20;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    private sealed record Ledger(List<LedgerTask> Tasks, int Charges, int Creates);

    private sealed record LedgerTask(string Id, string? IdempotencyKey, string Model, string Status, string? ResultSha256);

    [Fact]
    public async Task A_killed_workers_jobs_are_finished_by_another_and_every_video_is_made_and_paid_once()
    {
        var connectionString = Environment.GetEnvironmentVariable("FLEET_PG_CONNECTION");
        Assert.False(
            string.IsNullOrWhiteSpace(connectionString),
            "FLEET_PG_CONNECTION is not set: run scripts/test.d/fleet.sh, which installs PostgreSQL when missing, starts a throwaway cluster and runs this test.");

        using var fleet = await Fleet.StartAsync(connectionString!, processingSeconds: 3);
        try
        {
            await RunAsync(fleet);
        }
        catch
        {
            output.WriteLine(fleet.Outputs());
            throw;
        }
        finally
        {
            // Beside the report: what each process printed (warnings and up), for a look at retries after the kill.
            if (Environment.GetEnvironmentVariable("FLEET_REPORT") is { Length: > 0 } reportPath)
            {
                await File.WriteAllTextAsync(Path.ChangeExtension(reportPath, ".processes.log"), fleet.Outputs());
            }
        }
    }

    private async Task RunAsync(Fleet fleet)
    {
        using var http = new HttpClient { BaseAddress = fleet.WebAddress };
        var api = new VideoApi(http);
        var history = new HangfireHistory(fleet.ConnectionString);
        var clock = Stopwatch.StartNew();

        // A first few videos, until generations are in flight (tasks exist at Rivya). Then the victim's answers stop
        // coming, and the rest are submitted: each job the victim takes from now on (a create among them: sent, made
        // and charged, its answer never delivered) hangs mid-call until the victim is killed.
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await api.SubmitAsync(prompt: $"Fleet video {i}")).Id);
        }

        await Eventually.UntilAsync(() => CountAsync(api, ids, v => v.TaskId is not null), n => n >= 3, Bound, "3 tasks to exist");
        fleet.Proxy.Stall();
        for (var i = ids.Count; i < Videos; i++)
        {
            ids.Add((await api.SubmitAsync(prompt: $"Fleet video {i}")).Id);
        }

        await Eventually.UntilAsync(
            () => Task.FromResult(history.ProcessingOn(fleet.Victim.Id)), jobs => jobs.Count > 0, Bound, "the victim worker to hold a job");

        var killedAt = DateTime.UtcNow;
        fleet.Victim.KillHard();
        var killedAfter = clock.Elapsed;

        // Read after the kill: nothing changes these jobs now until another worker takes them, a timeout later.
        var held = history.ProcessingOn(fleet.Victim.Id);
        held.Should().NotBeEmpty("the victim held stalled jobs when it was killed");

        var videos = await Eventually.UntilAsync(
            async () => await Task.WhenAll(ids.Select(api.GetAsync)),
            all => all.All(v => v.IsFinal),
            Bound,
            "every video to finish");
        var total = clock.Elapsed;

        videos.Should().OnlyContain(v => v.Status == "succeeded", "the killed worker's jobs were finished by the other worker");
        var ledger = (await http.GetFromJsonAsync<Ledger>(new Uri(fleet.FakeAddress, "_fake/ledger"), JsonSerializerOptions.Web))!;
        ledger.Tasks.Should().HaveCount(Videos, "a create repeated after the kill reached the task its key made");
        ledger.Charges.Should().Be(Videos);
        videos.Select(v => v.TaskId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(ledger.Tasks.Select(t => t.Id));
        foreach (var video in videos)
        {
            var served = await http.GetByteArrayAsync(video.File);
            var sha = Convert.ToHexString(SHA256.HashData(served)).ToLowerInvariant();
            sha.Should().Be(ledger.Tasks.Single(t => t.Id == video.TaskId).ResultSha256, $"video {video.Id} is byte-identical to what the fake served");
        }

        var waits = held.Select(job => (Job: job, Next: history.NextStart(job, killedAt))).ToList();
        waits.Should().OnlyContain(w => w.Next != null, "every job the killed worker held was taken by another worker");
        waits.Should().OnlyContain(w => !w.Next!.Value.Server.Contains($":{fleet.Victim.Id}:", StringComparison.Ordinal));
        var seconds = waits.Select(w => (w.Next!.Value.At - killedAt).TotalSeconds).Order().ToList();

        var report = string.Create(
            CultureInfo.InvariantCulture,
            $"""
            fleet: {Videos} videos, 2 workers + 1 web on PostgreSQL, fake processing time 3 s, poll interval 0.5 s
            fleet: invisibility timeout {Fleet.InvisibilityTimeout.TotalSeconds:0} s (sliding), queue poll interval 1 s
            fleet: victim killed (SIGKILL) at {killedAfter.TotalSeconds:0.0} s holding {held.Count} job(s) mid-call: {string.Join(", ", held.Select(history.KindOf))}
            fleet: its jobs taken by the other worker after {string.Join(", ", seconds.Select(s => s.ToString("0.0", CultureInfo.InvariantCulture)))} s (min {seconds[0]:0.0}, max {seconds[^1]:0.0})
            fleet: all {Videos} succeeded in {total.TotalSeconds:0.0} s; ledger: {ledger.Tasks.Count} tasks, {ledger.Charges} charges, {ledger.Creates} creates
            """);
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("FLEET_REPORT") is { Length: > 0 } reportPath)
        {
            await File.WriteAllTextAsync(reportPath, report + "\n");
        }
    }

    private static async Task<int> CountAsync(VideoApi api, List<string> ids, Func<VideoApi.Video, bool> match) =>
        (await Task.WhenAll(ids.Select(api.GetAsync))).Count(match);
}
