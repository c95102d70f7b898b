using System.Text;
using System.Text.Json;
using FluentAssertions;
using Rivya.Sdk.Serialization;
using Xunit;

namespace Rivya.Sdk.Tests.Reliability;

/// <summary>An optional field the server got wrong reads as unset; the rest of the object is kept.</summary>
public sealed class ToleranceEdgeTests
{
    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1e30")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("true")]
    [InlineData("\"lots\"")]
    public void A_credit_amount_no_decimal_can_hold_reads_as_zero_and_keeps_the_task(string value)
    {
        var task = Read<Generation>($$"""{"id":"task_1","status":"queued","reserved_credits":90,"final_credits":{{value}}}""");

        task.Id.Should().Be("task_1");
        task.ReservedCredits.Should().Be(90);
        task.FinalCredits.Should().Be(0);
    }

    [Fact]
    public void Wrong_typed_optional_fields_of_a_task_read_as_unset_and_the_id_and_status_are_kept()
    {
        var task = Read<Generation>("""
            {"id":"task_1","status":"processing","model":{"x":1},"created_at":12,"updated_at":"2026-99-99",
             "result":"oops","error":[1,2],"reserved_credits":"90"}
            """);

        task.Id.Should().Be("task_1");
        task.Status.Should().Be(GenerationStatus.Processing);
        task.Model.Should().BeNull();
        task.CreatedAt.Should().BeNull();
        task.UpdatedAt.Should().BeNull();
        task.Result.Should().BeNull();
        task.Error.Should().BeNull();
        task.ReservedCredits.Should().Be(90);
    }

    [Fact]
    public void Odd_members_inside_result_and_error_read_as_unset()
    {
        var task = Read<Generation>("""
            {"id":"task_1","status":"failed","result":{"primary_url":7,"urls":["https://a/x.mp4",5,{},null,"https://a/y.mp4"]},
             "error":{"code":["x"],"message":"no"}}
            """);

        task.Result!.PrimaryUrl.Should().Be("7", "a number keeps its text");
        task.Result.Urls.Should().Equal("https://a/x.mp4", "https://a/y.mp4");
        task.Error!.Code.Should().BeNull();
        task.Error.Message.Should().Be("no");
    }

    [Fact]
    public void An_id_sent_as_a_number_is_kept_as_its_text()
    {
        Read<Generation>("""{"id":12345,"status":"queued"}""").Id.Should().Be("12345");
    }

    [Fact]
    public void Invalid_utf8_in_an_optional_string_reads_as_unset()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id":"task_1","status":"queued","model":"k##"}""");
        var at = System.Array.IndexOf(bytes, (byte)'#');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var task = JsonSerializer.Deserialize(bytes, RivyaJsonContext.Default.Generation)!;

        task.Id.Should().Be("task_1");
        task.Model.Should().BeNull();
    }

    [Fact]
    public void Out_of_range_and_wrong_typed_file_fields_read_as_unset()
    {
        var file = Read<RivyaFile>("""
            {"id":"file_1","url":"https://a/x.png","kind":{},"size_bytes":1e400,"duration_seconds":"NaN","name":[],"created_at":"soon"}
            """);

        file.Id.Should().Be("file_1");
        file.Url.Should().Be("https://a/x.png");
        (file.Kind ?? default).ToString().Should().BeEmpty("an object says no kind");
        file.SizeBytes.Should().BeNull();
        file.DurationSeconds.Should().BeNull();
        file.Name.Should().BeNull();
        file.CreatedAt.Should().BeNull();
    }

    [Fact]
    public void Catalogue_entries_that_are_not_objects_are_dropped_and_odd_fields_read_as_unset()
    {
        var list = Read<ModelList>("""
            {"object":"list","data":[1,"x",{"id":"kling-3-0","max_prompt_length":1e400,"base_credits":"90","requires_files_api":"maybe","supported_modes":"std"},null]}
            """);

        var model = list.Data.Should().ContainSingle().Subject;
        model.Id.Should().Be("kling-3-0");
        model.MaxPromptLength.Should().BeNull();
        model.BaseCredits.Should().Be(90);
        model.RequiresFilesApi.Should().BeNull();
        model.SupportedModes.Should().BeEmpty();
    }

    [Fact]
    public void Malformed_json_is_still_rejected_by_the_reader()
    {
        var read = () => Read<Generation>("""{"id":"task_1","status":""");

        read.Should().Throw<JsonException>("a cut document is unreadable, which the pipeline turns into a typed, retryable fault");
    }

    private static T Read<T>(string json) =>
        (T)JsonSerializer.Deserialize(json, typeof(T), RivyaJsonContext.Default)!;
}
