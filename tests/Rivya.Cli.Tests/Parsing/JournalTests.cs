using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using FluentAssertions;
using Rivya.Cli.Batches;
using Rivya.Cli.Requests;
using Rivya.Cli.Tests.Support;
using Xunit;

namespace Rivya.Cli.Tests.Parsing;

public sealed class JournalTests : System.IDisposable
{
    private static readonly CreateBody Body = new("kling-3-0", "a fox", new JsonObject { ["duration"] = "5" }, "fox");
    private readonly TempFolder _dir = new();

    [Fact]
    public void Each_step_is_a_line_and_a_reopened_journal_folds_them_per_row()
    {
        using (var journal = Journal.Open(_dir.Path))
        {
            journal.Run("in.jsonl");
            journal.Submit("fox", "key-1", Body);
            journal.Created("fox", "task_1");
            journal.Submit("owl", "key-2", Body);
            journal.Ended("fox", "task_1", "succeeded", 90, null, null);
            journal.Downloaded("fox", "fox.mp4", 24);
        }

        File.ReadAllLines(Path.Combine(_dir.Path, Journal.FileName)).Should().HaveCount(6);
        using var reopened = Journal.Open(_dir.Path);
        var fox = reopened.Rows["fox"];
        (fox.Key, fox.TaskId, fox.Status, fox.Credits, fox.File, fox.Size).Should().Be(("key-1", "task_1", "succeeded", 90m, "fox.mp4", 24L));
        fox.Body!.ToJson().ToJsonString().Should().Be(Body.ToJson().ToJsonString());
        var owl = reopened.Rows["owl"];
        (owl.Key, owl.TaskId).Should().Be(("key-2", null));
    }

    [Fact]
    public void A_torn_last_line_is_dropped_and_the_next_line_starts_clean()
    {
        using (var journal = Journal.Open(_dir.Path))
        {
            journal.Submit("fox", "key-1", Body);
        }

        var path = Path.Combine(_dir.Path, Journal.FileName);
        File.AppendAllText(path, "{\"event\":\"created\",\"row\":\"fox\",\"task_i");
        using (var journal = Journal.Open(_dir.Path))
        {
            journal.Rows["fox"].TaskId.Should().BeNull();
            journal.Created("fox", "task_9");
        }

        File.ReadAllLines(path).Should().HaveCount(2).And.OnlyContain(l => JsonNode.Parse(l) != null);
        Journal.Peek(_dir.Path)["fox"].TaskId.Should().Be("task_9");
    }

    [Fact]
    public void The_plan_follows_the_journal()
    {
        File.WriteAllBytes(Path.Combine(_dir.Path, "done.mp4"), new byte[24]);
        using var journal = Journal.Open(_dir.Path);
        journal.Submit("sent", "k1", Body);
        journal.Submit("made", "k2", Body);
        journal.Created("made", "t2");
        journal.Submit("done", "k3", Body);
        journal.Created("done", "t3");
        journal.Ended("done", "t3", "succeeded", 90, null, null);
        journal.Downloaded("done", "done.mp4", 24);
        journal.Submit("lost", "k4", Body);
        journal.Created("lost", "t4");
        journal.Ended("lost", "t4", "succeeded", 90, null, null);
        journal.Submit("bad", "k5", Body);
        journal.Created("bad", "t5");
        journal.Ended("bad", "t5", "failed", 0, "generation_failed", "no");
        var rows = new[] { "new", "sent", "made", "done", "lost", "bad" }.Select((id, i) => new BatchRow(id, i + 1, Body, [], [])).ToList();

        var plan = BatchPlan.Make(rows, journal.Rows, _dir.Path, retryFailed: false);
        var retried = BatchPlan.Make(rows, journal.Rows, _dir.Path, retryFailed: true);

        plan.Select(p => p.Action).Should().Equal(RowAction.Create, RowAction.Create, RowAction.Wait, RowAction.Skip, RowAction.Download, RowAction.Failed);
        plan[1].ReusesKey.Should().BeTrue();
        plan[0].ReusesKey.Should().BeFalse();
        retried[5].Action.Should().Be(RowAction.Create);
        retried[5].ReusesKey.Should().BeFalse();
        BatchPlan.Estimate(plan).Should().Be(180);
        BatchPlan.Estimate(retried).Should().Be(270);
    }

    public void Dispose() => _dir.Dispose();
}
