using System.Linq;
using FluentAssertions;
using Rivya.Cli.Batches;
using Rivya.Cli.Cli;
using Rivya.Cli.Tests.Support;
using Xunit;

namespace Rivya.Cli.Tests.Parsing;

public sealed class BatchFileTests : System.IDisposable
{
    private readonly TempFolder _dir = new();

    [Fact]
    public void A_jsonl_row_is_Rivyas_wire_shape_and_its_id_is_its_client_request_id_else_its_line()
    {
        var path = _dir.Write("b.jsonl", """
            {"model":"kling-3-0","prompt":"one","params":{"duration":"5","aspect_ratio":"9:16"},"client_request_id":"shot-01"}

            {"model":"kling-v2-1-master","prompt":"two","params":{"cfg_scale":0.5}}
            """);

        var rows = BatchFile.Read(path);

        rows.Select(r => r.Id).Should().Equal("shot-01", "3");
        rows.Should().OnlyContain(r => r.Errors.Count == 0);
        rows[0].Body!.Params.ToJsonString().Should().Be("""{"duration":"5","aspect_ratio":"9:16"}""");
        rows[1].Body!.Params.ToJsonString().Should().Be("""{"cfg_scale":0.5}""");
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_errors()
    {
        var path = _dir.Write("b.jsonl", """
            {"model":"kling-3-0","prompt":"ok"}
            {"model":"kling-3-0","prompt":"","params":{"duration":"99"}}
            not json
            {"model":"kling-3-0","prompt":"p","files":[],"client_request_id":"../escape"}
            """);

        var rows = BatchFile.Read(path);

        rows[0].Errors.Should().BeEmpty();
        rows[1].Errors.Should().Contain(e => e.StartsWith("prompt:")).And.Contain(e => e.StartsWith("params.duration:"));
        rows[2].Errors.Should().ContainSingle().Which.Should().Contain("line 3 is not a JSON object");
        rows[3].Errors.Should().Contain(e => e.StartsWith("files:")).And.Contain(e => e.Contains("row id"));
    }

    [Fact]
    public void A_csv_row_counts_data_rows_from_1_and_a_blank_cell_is_not_set()
    {
        var path = _dir.Write("b.csv", "model,prompt,duration,client_request_id\nkling-3-0,\"a fox, at dawn\",10,fox\nkling-2-6,an owl,,\n");

        var rows = BatchFile.Read(path);

        rows.Select(r => r.Id).Should().Equal("fox", "2");
        rows[0].Body!.Prompt.Should().Be("a fox, at dawn");
        rows[0].Body!.Params.ToJsonString().Should().Be("""{"duration":"10"}""");
        rows[1].Body!.Params.Count.Should().Be(0);
    }

    [Fact]
    public void A_csv_without_its_header_columns_is_refused()
    {
        var path = _dir.Write("b.csv", "kling-3-0,a fox\n");

        var act = () => BatchFile.Read(path);

        act.Should().Throw<UsageException>().WithMessage("*header row*");
    }

    [Fact]
    public void Duplicate_row_ids_and_missing_images_are_errors()
    {
        var path = _dir.Write("b.csv", "model,prompt,client_request_id,image\nkling-3-0,a,x,\nkling-3-0,b,X,missing.png\n");

        var rows = BatchFile.Read(path);

        rows[0].Errors.Should().BeEmpty();
        rows[1].Errors.Should().Contain(e => e.Contains("used by an earlier row")).And.Contain(e => e.Contains("missing.png: no such file"));
    }

    public void Dispose() => _dir.Dispose();
}
